package cn.yilianti.registry.hospital;

import cn.yilianti.registry.hospital.HospitalChange.FieldChange;
import cn.yilianti.registry.web.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Records each change with the fields it changed, in the transaction of the change. */
@Repository
class ChangeHistory {

  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};
  private static final Set<String> BOOKKEEPING = Set.of("revision", "createdAt", "updatedAt");

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ChangeHistory(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void record(
      String code,
      long revision,
      ChangeAction action,
      String who,
      Instant at,
      @Nullable Hospital before,
      @Nullable Hospital after) {
    jdbc.sql(
            """
            insert into hospital_change (hospital_code, revision, action, changed_by, changed_at,
              changes)
            values (:code, :revision, :action, :who, :at, cast(:changes as jsonb))
            """)
        .param("code", code)
        .param("revision", revision)
        .param("action", action.name())
        .param("who", who)
        .param("at", Timestamp.from(at))
        .param("changes", json.writeValueAsString(diff(before, after)))
        .update();
  }

  Page<HospitalChange> of(String code, int page, int size) {
    long total =
        jdbc.sql("select count(*) from hospital_change where hospital_code = :code")
            .param("code", code)
            .query(Long.class)
            .single();
    List<HospitalChange> items =
        jdbc.sql(
                """
                select * from hospital_change where hospital_code = :code
                 order by id desc limit :limit offset :offset
                """)
            .param("code", code)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new HospitalChange(
                        rs.getLong("revision"),
                        ChangeAction.valueOf(rs.getString("action")),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(),
                        json.readValue(rs.getString("changes"), CHANGES)))
            .list();
    return Page.of(items, page, size, total);
  }

  boolean exists(String code) {
    return jdbc.sql("select exists (select 1 from hospital_change where hospital_code = :code)")
        .param("code", code)
        .query(Boolean.class)
        .single();
  }

  /** Top-level fields whose value differs; creation lists every field, removal none. */
  List<FieldChange> diff(@Nullable Hospital before, @Nullable Hospital after) {
    ObjectNode from = tree(before);
    ObjectNode to = tree(after);
    Set<String> fields = new LinkedHashSet<>(from.propertyNames());
    fields.addAll(to.propertyNames());
    List<FieldChange> changes = new ArrayList<>();
    for (String field : fields) {
      JsonNode a = from.has(field) ? from.get(field) : NullNode.getInstance();
      JsonNode b = to.has(field) ? to.get(field) : NullNode.getInstance();
      if (!BOOKKEEPING.contains(field) && !a.equals(b)) {
        changes.add(new FieldChange(field, a, b));
      }
    }
    return changes;
  }

  private ObjectNode tree(@Nullable Hospital hospital) {
    return hospital == null ? json.createObjectNode() : (ObjectNode) json.valueToTree(hospital);
  }
}
