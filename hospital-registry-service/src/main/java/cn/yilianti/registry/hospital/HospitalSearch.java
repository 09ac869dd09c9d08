package cn.yilianti.registry.hospital;

import cn.yilianti.registry.web.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Search and filter with pagination, as one SQL statement built from the filters given. */
@Repository
class HospitalSearch {

  private static final Map<String, String> SORTABLE =
      Map.of(
          "code", "h.code",
          "nameZh", "h.name_zh",
          "nameEn", "h.name_en",
          "bedCapacity", "h.bed_capacity",
          "updatedAt", "h.updated_at");

  private final JdbcClient jdbc;
  private final HospitalRepository repository;

  HospitalSearch(JdbcClient jdbc, HospitalRepository repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  Page<Hospital> search(HospitalFilter filter, int page, int size, String sort) {
    StringBuilder where = new StringBuilder("where true");
    Map<String, Object> params = new HashMap<>();
    if (filter.alliance() != null || filter.membership() != null) {
      where.append(" and exists (select 1 from membership m where m.hospital_code = h.code");
      if (filter.alliance() != null) {
        where.append(" and m.alliance_code = :alliance");
        params.put("alliance", filter.alliance());
      }
      if (filter.membership() != null) {
        where.append(" and m.role = :membership");
        params.put("membership", filter.membership().name());
      }
      where.append(")");
    }
    if (filter.region() != null) {
      where.append(
          " and (h.province_code = :region or h.city_code = :region or h.county_code = :region)");
      params.put("region", filter.region());
    }
    if (!filter.level().isEmpty()) {
      where.append(" and h.level = any(:levels)");
      params.put("levels", filter.level().stream().map(Enum::name).toArray(String[]::new));
    }
    if (!filter.kind().isEmpty()) {
      where.append(" and h.kind = any(:kinds)");
      params.put("kinds", filter.kind().stream().map(Enum::name).toArray(String[]::new));
    }
    if (filter.parent() != null) {
      where.append(" and h.parent_code = :parent");
      params.put("parent", filter.parent());
    }
    if (filter.status() != null) {
      where.append(" and h.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.synthetic() != null) {
      where.append(" and h.synthetic = :synthetic");
      params.put("synthetic", filter.synthetic());
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      where.append(" and (h.code ilike :q or h.name_zh ilike :q or h.name_en ilike :q)");
      params.put(
          "q",
          "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    long total =
        jdbc.sql("select count(*) from hospital h " + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Hospital> items =
        repository.select(
            where + " order by " + orderBy(sort) + " limit :limit offset :offset", params);
    return Page.of(items, page, size, total);
  }

  private static String orderBy(String sort) {
    String[] parts = sort.split(",");
    String column = SORTABLE.getOrDefault(parts[0], "h.code");
    boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
    return column + (desc ? " desc" : "") + ", h.code";
  }
}
