package cn.yilianti.registry.alliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AllianceRepository {

  private final JdbcClient jdbc;

  AllianceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Set<String> codes() {
    return new HashSet<>(jdbc.sql("select code from alliance").query(String.class).list());
  }

  public Optional<Alliance> find(String code) {
    return jdbc.sql("select * from alliance where code = :code")
        .param("code", code)
        .query(AllianceRepository::map)
        .optional();
  }

  List<Alliance> all() {
    return jdbc.sql("select * from alliance order by code").query(AllianceRepository::map).list();
  }

  /** Members by role, counting memberships that have not ended. */
  Map<String, Long> memberCounts(String code) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(
            """
            select role, count(*) as n from membership
             where alliance_code = :code and (left_on is null or left_on > current_date)
             group by role
            """)
        .param("code", code)
        .query(
            rs -> {
              counts.put(rs.getString("role"), rs.getLong("n"));
            });
    return counts;
  }

  public void insert(Alliance a) {
    jdbc.sql(
            """
            insert into alliance (code, name_zh, name_en, kind, description, revision,
              created_at, updated_at)
            values (:code, :nameZh, :nameEn, :kind, :description, :revision, :createdAt, :updatedAt)
            """)
        .params(columns(a))
        .update();
  }

  public void update(Alliance a) {
    jdbc.sql(
            """
            update alliance set name_zh = :nameZh, name_en = :nameEn, kind = :kind,
              description = :description, revision = :revision, updated_at = :updatedAt
             where code = :code
            """)
        .params(columns(a))
        .update();
  }

  private static Map<String, Object> columns(Alliance a) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("code", a.code());
    p.put("nameZh", a.nameZh());
    p.put("nameEn", a.nameEn());
    p.put("kind", a.kind().name());
    p.put("description", a.description());
    p.put("revision", a.revision());
    p.put("createdAt", Timestamp.from(a.createdAt()));
    p.put("updatedAt", Timestamp.from(a.updatedAt()));
    return p;
  }

  private static Alliance map(ResultSet rs, int n) throws SQLException {
    return new Alliance(
        rs.getString("code"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        AllianceKind.valueOf(rs.getString("kind")),
        rs.getString("description"),
        rs.getLong("revision"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
