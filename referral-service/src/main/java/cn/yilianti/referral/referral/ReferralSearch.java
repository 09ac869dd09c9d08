package cn.yilianti.referral.referral;

import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral list, newest first, only what the caller may read, paged by a cursor on (submission
 * time, id) so that new submissions never shift a page.
 */
@Repository
class ReferralSearch {

  private final JdbcClient jdbc;
  private final ZoneId zone;

  ReferralSearch(JdbcClient jdbc, ReferralProperties properties) {
    this.jdbc = jdbc;
    this.zone = properties.zone();
  }

  record Page(List<Referral> items, @Nullable String nextCursor) {}

  @Transactional(readOnly = true)
  Page find(
      SearchCriteria criteria, ReferralAccess.Filter visible, @Nullable String cursor, int limit) {
    List<String> where = new ArrayList<>(List.of(visible.sql()));
    Map<String, Object> params = new HashMap<>(visible.params());
    if (criteria.status() != null && !criteria.status().isEmpty()) {
      where.add("r.status in (:status)");
      params.put("status", criteria.status().stream().map(Enum::name).toList());
    }
    if (criteria.direction() != null) {
      where.add("r.direction = :direction");
      params.put("direction", criteria.direction().name());
    }
    if (criteria.priority() != null) {
      where.add("r.priority = :priority");
      params.put("priority", criteria.priority().name());
    }
    if (criteria.hospital() != null) {
      where.add("(r.from_hospital = :hospital or r.to_hospital = :hospital)");
      params.put("hospital", criteria.hospital());
    }
    if (criteria.from() != null) {
      where.add("r.submitted_at >= :fromTime");
      params.put("fromTime", Timestamp.from(criteria.from().atStartOfDay(zone).toInstant()));
    }
    if (criteria.to() != null) {
      where.add("r.submitted_at < :toTime");
      params.put(
          "toTime", Timestamp.from(criteria.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    if (criteria.patientKey() != null) {
      where.add("r.patient_key = :patientKey");
      params.put("patientKey", criteria.patientKey());
    }
    if (criteria.hisBusinessId() != null) {
      where.add("r.his_business_id = :hisBusinessId");
      params.put("hisBusinessId", criteria.hisBusinessId());
    }
    if (cursor != null) {
      Position after = Position.parse(cursor);
      where.add("(r.submitted_at, r.id) < (:afterTime, :afterId)");
      params.put("afterTime", Timestamp.from(after.submittedAt()));
      params.put("afterId", after.id());
    }
    List<Referral> rows =
        jdbc.sql(
                "select r.* from referral r where "
                    + String.join(" and ", where)
                    + " order by r.submitted_at desc, r.id desc limit :limit")
            .params(params)
            .param("limit", limit + 1)
            .query(ReferralRepository::map)
            .list();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    List<Referral> page = rows.subList(0, limit);
    Referral last = page.getLast();
    return new Page(page, new Position(last.submittedAt(), last.id()).format());
  }

  /** Where a page ended. */
  record Position(Instant submittedAt, UUID id) {

    static Position parse(String cursor) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("_");
        long micros = Long.parseLong(parts[0]);
        return new Position(
            Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
            UUID.fromString(parts[1]));
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw ProblemException.invalid("cursor", "cursor", "must be a cursor this list returned");
      }
    }

    String format() {
      long micros = submittedAt.getEpochSecond() * 1_000_000 + submittedAt.getNano() / 1000;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((micros + "_" + id).getBytes(StandardCharsets.US_ASCII));
    }
  }
}
