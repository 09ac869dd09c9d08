package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Lists consultations newest first with filters, keyset-paginated by (requestedAt, id). */
@Repository
class ConsultationSearch {

  /** The list filters; null means "any". */
  record Filter(
      @Nullable ConsultationStage status,
      @Nullable ConsultationType type,
      @Nullable Priority priority,
      @Nullable String fromHospital,
      @Nullable String toHospital,
      java.time.@Nullable Instant requestedFrom,
      java.time.@Nullable Instant requestedTo) {}

  private final JdbcClient jdbc;

  ConsultationSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page after {@code cursor}; {@code visible} limits to consultations sent or received by
   * those hospitals (null: all). Reads one row more than asked to know whether a next page exists.
   */
  @Transactional(readOnly = true)
  List<Consultation> page(
      Filter f, @Nullable Set<String> visible, @Nullable PageCursor cursor, int limit) {
    StringBuilder sql = new StringBuilder("select * from consultation where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (visible != null) {
      sql.append(" and (from_hospital = any(:visible) or to_hospital = any(:visible))");
      params.put("visible", visible.toArray(String[]::new));
    }
    condition(sql, params, "status", "status", f.status() == null ? null : f.status().name());
    condition(sql, params, "type", "type", f.type() == null ? null : f.type().name());
    condition(
        sql, params, "priority", "priority", f.priority() == null ? null : f.priority().name());
    condition(sql, params, "from_hospital", "fromHospital", f.fromHospital());
    condition(sql, params, "to_hospital", "toHospital", f.toHospital());
    if (f.requestedFrom() != null) {
      sql.append(" and requested_at >= :requestedFrom");
      params.put("requestedFrom", Timestamp.from(f.requestedFrom()));
    }
    if (f.requestedTo() != null) {
      sql.append(" and requested_at < :requestedTo");
      params.put("requestedTo", Timestamp.from(f.requestedTo()));
    }
    if (cursor != null) {
      sql.append(" and (requested_at, id) < (:cursorAt, :cursorId)");
      params.put("cursorAt", Timestamp.from(cursor.requestedAt()));
      params.put("cursorId", cursor.id());
    }
    sql.append(" order by requested_at desc, id desc limit :limit");
    params.put("limit", limit + 1);
    return jdbc.sql(sql.toString()).params(params).query(ConsultationRepository::map).list();
  }

  private static void condition(
      StringBuilder sql,
      Map<String, Object> params,
      String column,
      String name,
      @Nullable String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }
}
