package cn.yilianti.system.harness;

import cn.yilianti.local.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw PostgreSQL rate for the work one submission does: one referral row and one outbox row per
 * transaction, measured with pgbench at a given client count. Our end-to-end rate is reported as a
 * share of it.
 */
public final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private static final String SCHEMA =
      """
      drop table if exists bench_referral, bench_outbox;
      create table bench_referral (
        id uuid primary key, referral_number text not null unique, direction text not null,
        priority text not null, status text not null, from_hospital text not null,
        to_hospital text not null, diagnosis_code text not null, diagnosis_text text not null,
        patient_key text not null, identity bytea, submitted_at timestamptz not null,
        answer_deadline timestamptz not null, version int not null default 0);
      create index on bench_referral (from_hospital, submitted_at);
      create index on bench_referral (to_hospital, submitted_at);
      create table bench_outbox (
        id bigint generated always as identity primary key, event_id uuid not null unique,
        topic text not null, record_key text not null, key_hash int not null, event_type text not null,
        payload bytea, headers jsonb not null, created_at timestamptz not null default now(),
        published_at timestamptz);
      create index on bench_outbox (id) where published_at is null;
      """;

  private static final String SCRIPT =
      """
      \\set n random(1, 2000000000)
      BEGIN;
      INSERT INTO bench_referral (id, referral_number, direction, priority, status, from_hospital,
        to_hospital, diagnosis_code, diagnosis_text, patient_key, identity, submitted_at, answer_deadline)
        VALUES (gen_random_uuid(), 'R' || :n || '-' || pg_backend_pid() || '-' || clock_timestamp(), 'UP', 'URGENT',
        'SUBMITTED', 'LSX-RMYY', 'CQMU-2', 'I21.4', 'acute myocardial infarction', 'pk-' || :n,
        decode(repeat('ab', 96), 'hex'), now(), now() + interval '1 day');
      INSERT INTO bench_outbox (event_id, topic, record_key, key_hash, event_type, payload, headers)
        VALUES (gen_random_uuid(), 'referral-up', :n::text, :n, 'cn.yilianti.referral.submitted.v1',
        decode(repeat('7b', 700), 'hex'), '{"ce_type":"cn.yilianti.referral.submitted.v1"}');
      END;
      """;

  /** Transactions per second pgbench reaches with {@code clients} connections. */
  public static double tps(
      PostgresServer pg, String database, int clients, Duration duration, Path workDir)
      throws IOException, InterruptedException {
    try (Connection c = pg.connect(database);
        Statement s = c.createStatement()) {
      s.execute(SCHEMA);
    } catch (SQLException e) {
      throw new IOException("Cannot prepare pgbench tables: " + e.getMessage(), e);
    }
    Files.createDirectories(workDir);
    Path script = workDir.resolve("submission.sql");
    Files.writeString(script, SCRIPT);
    Path output = workDir.resolve("pgbench.out");
    Process process =
        new ProcessBuilder(
                List.of(
                    "pgbench",
                    "-n",
                    "-h",
                    pg.host(),
                    "-p",
                    "" + pg.port(),
                    "-U",
                    pg.user(),
                    "-c",
                    "" + clients,
                    "-j",
                    "" + Math.min(clients, 2),
                    "-T",
                    "" + duration.toSeconds(),
                    "-f",
                    script.toString(),
                    database))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    process.getOutputStream().close();
    if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("pgbench did not finish");
    }
    Matcher m = TPS.matcher(Files.readString(output));
    if (!m.find()) {
      throw new IOException("No tps in pgbench output: " + Files.readString(output));
    }
    return Double.parseDouble(m.group(1));
  }

  private PgBench() {}
}
