package cn.yilianti.registry.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import jobs. Progress is written outside the import's own transaction, so other requests (and
 * other replicas) see it while a long all-or-nothing import is still uncommitted.
 */
@Repository
class ImportJobRepository {

  private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(UUID id, String alliance, String format, ImportMode mode, String sha256, String by) {
    jdbc.sql(
            """
            insert into import_job (id, alliance_code, format, mode, file_sha256, status,
              created_by, created_at, updated_at)
            values (:id, :alliance, :format, :mode, :sha, 'QUEUED', :by, now(), now())
            """)
        .param("id", id)
        .param("alliance", alliance)
        .param("format", format)
        .param("mode", mode.name())
        .param("sha", sha256)
        .param("by", by)
        .update();
  }

  void progress(
      UUID id, ImportStatus status, @Nullable Integer total, int validated, int processed) {
    jdbc.sql(
            """
            update import_job set status = :status, total_rows = :total,
              validated_rows = :validated, processed_rows = :processed, updated_at = now()
             where id = :id
            """)
        .param("id", id)
        .param("status", status.name())
        .param("total", total)
        .param("validated", validated)
        .param("processed", processed)
        .update();
  }

  void finish(
      UUID id,
      ImportStatus status,
      Counts counts,
      List<RowError> errors,
      @Nullable String failure) {
    jdbc.sql(
            """
            update import_job set status = :status, processed_rows = :processed,
              validated_rows = :validated,
              created = :created, updated = :updated, unchanged = :unchanged,
              rejected = :rejected, errors = cast(:errors as jsonb), failure = :failure,
              updated_at = now(), finished_at = now()
             where id = :id
            """)
        .param("id", id)
        .param("status", status.name())
        .param("processed", counts.processed())
        .param("validated", counts.validated())
        .param("created", counts.created())
        .param("updated", counts.updated())
        .param("unchanged", counts.unchanged())
        .param("rejected", counts.rejected())
        .param("errors", json.writeValueAsString(errors))
        .param("failure", failure)
        .update();
  }

  /**
   * Jobs whose progress stopped for five minutes belong to a process that stopped (a running import
   * reports progress every second); they will never finish.
   */
  int failAbandoned() {
    return jdbc.sql(
            """
            update import_job set status = 'FAILED',
              failure = 'the registry stopped during the import; import the file again',
              updated_at = now(), finished_at = now()
             where status in ('QUEUED', 'VALIDATING', 'IMPORTING')
               and updated_at < now() - interval '5 minutes'
            """)
        .update();
  }

  Optional<ImportJob> find(UUID id) {
    return jdbc.sql(SELECT + " where j.id = :id").param("id", id).query(this::map).optional();
  }

  List<ImportJob> ofAlliance(String alliance) {
    return jdbc.sql(SELECT + " where j.alliance_code = :a order by j.created_at desc limit 50")
        .param("a", alliance)
        .query(this::map)
        .list();
  }

  private static final String SELECT =
      """
      select j.*, (select p.id from import_job p
                    where p.alliance_code = j.alliance_code and p.file_sha256 = j.file_sha256
                      and p.created_at < j.created_at and p.status = 'COMPLETED'
                    order by p.created_at desc limit 1) as same_file_as
        from import_job j
      """;

  private ImportJob map(ResultSet rs, int n) throws SQLException {
    Integer total = (Integer) rs.getObject("total_rows");
    int processed = rs.getInt("processed_rows");
    ImportStatus status = ImportStatus.valueOf(rs.getString("status"));
    Timestamp finished = rs.getTimestamp("finished_at");
    return new ImportJob(
        rs.getObject("id", UUID.class),
        rs.getString("alliance_code"),
        rs.getString("format"),
        ImportMode.valueOf(rs.getString("mode")),
        rs.getString("file_sha256"),
        status,
        total,
        rs.getInt("validated_rows"),
        processed,
        status.finished() ? 100 : total == null || total == 0 ? 0 : processed * 100 / total,
        rs.getInt("created"),
        rs.getInt("updated"),
        rs.getInt("unchanged"),
        rs.getInt("rejected"),
        json.readValue(rs.getString("errors"), ERRORS),
        rs.getString("failure"),
        rs.getObject("same_file_as", UUID.class),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  /** What an import did. */
  record Counts(
      int validated, int processed, int created, int updated, int unchanged, int rejected) {}
}
