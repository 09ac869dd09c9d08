package cn.yilianti.indicator.projection;

import cn.yilianti.indicator.projection.Fact.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a batch of facts into one set of projection tables with a few set-based statements: the
 * counts of the batch are summed in memory first, then upserted ({@code ON CONFLICT DO UPDATE}).
 */
@Repository
class ProjectionWriter {

  private final JdbcClient jdbc;

  ProjectionWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void write(ProjectionTables tables, Collection<Fact> facts) {
    if (facts.isEmpty()) {
      return;
    }
    upsertTransfers(tables, facts.stream().filter(f -> f.kind() == Kind.REFERRAL).toList());
    upsertConsultations(tables, facts.stream().filter(f -> f.kind() == Kind.CONSULTATION).toList());
    insertAnswers(tables, facts.stream().filter(f -> f.answer() != null).toList());
    insertLog(tables, facts);
  }

  private void upsertTransfers(ProjectionTables tables, List<Fact> facts) {
    Map<List<Object>, Long> counts =
        sum(
            facts,
            f ->
                List.of(
                    f.hospital(),
                    f.counterpart(),
                    f.category(),
                    f.stage(),
                    f.priority(),
                    f.day().toString()));
    if (counts.isEmpty()) {
      return;
    }
    Columns c = Columns.of(counts, 6);
    jdbc.sql(
            "insert into "
                + tables.transferCount()
                + """
                 as t (hospital, counterpart, direction, stage, priority, day, count, last_changed_at)
                select h, c, d, s, p, cast(y as date), n, now()
                  from unnest(cast(:c0 as text[]), cast(:c1 as text[]), cast(:c2 as text[]),
                              cast(:c3 as text[]), cast(:c4 as text[]), cast(:c5 as text[]),
                              cast(:n as bigint[])) as u(h, c, d, s, p, y, n)
                on conflict (hospital, direction, stage, day, counterpart, priority)
                do update set count = t.count + excluded.count, last_changed_at = now()
                """)
        .params(c.params())
        .update();
  }

  private void upsertConsultations(ProjectionTables tables, List<Fact> facts) {
    Map<List<Object>, Long> counts =
        sum(
            facts,
            f ->
                List.of(
                    f.hospital(), f.counterpart(), f.category(), f.stage(), f.day().toString()));
    if (counts.isEmpty()) {
      return;
    }
    Columns c = Columns.of(counts, 5);
    jdbc.sql(
            "insert into "
                + tables.consultationCount()
                + """
                 as t (hospital, counterpart, type, stage, day, count, last_changed_at)
                select h, c, ty, s, cast(y as date), n, now()
                  from unnest(cast(:c0 as text[]), cast(:c1 as text[]), cast(:c2 as text[]),
                              cast(:c3 as text[]), cast(:c4 as text[]),
                              cast(:n as bigint[])) as u(h, c, ty, s, y, n)
                on conflict (hospital, type, stage, day, counterpart)
                do update set count = t.count + excluded.count, last_changed_at = now()
                """)
        .params(c.params())
        .update();
  }

  private void insertAnswers(ProjectionTables tables, List<Fact> facts) {
    if (facts.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into "
                + tables.answerTime()
                + """
                 (event_id, referral_id, hospital, counterpart, direction, priority, outcome, day,
                  seconds, within_deadline)
                select * from unnest(cast(:id as uuid[]), cast(:case as uuid[]),
                  cast(:h as text[]), cast(:c as text[]), cast(:d as text[]), cast(:p as text[]),
                  cast(:o as text[]), cast(:y as date[]), cast(:s as bigint[]),
                  cast(:w as boolean[]))
                on conflict do nothing
                """)
        .param("id", facts.stream().map(Fact::eventId).toArray(java.util.UUID[]::new))
        .param("case", facts.stream().map(Fact::caseId).toArray(java.util.UUID[]::new))
        .param("h", strings(facts, Fact::hospital))
        .param("c", strings(facts, Fact::counterpart))
        .param("d", strings(facts, Fact::category))
        .param("p", strings(facts, Fact::priority))
        .param("o", strings(facts, f -> f.answer().outcome()))
        .param("y", strings(facts, f -> f.day().toString()))
        .param("s", facts.stream().mapToLong(f -> f.answer().seconds()).toArray())
        .param("w", facts.stream().map(f -> f.answer().withinDeadline()).toArray(Boolean[]::new))
        .update();
  }

  private void insertLog(ProjectionTables tables, Collection<Fact> facts) {
    jdbc.sql(
            "insert into "
                + tables.eventLog()
                + """
                 (event_id, event_type, case_id, kind, hospital, counterpart, category, stage,
                  priority, day, reason, event_time)
                select * from unnest(cast(:id as uuid[]), cast(:t as text[]),
                  cast(:case as uuid[]), cast(:k as text[]), cast(:h as text[]),
                  cast(:c as text[]), cast(:g as text[]), cast(:s as text[]), cast(:p as text[]),
                  cast(:y as date[]), cast(:r as text[]), cast(:at as timestamptz[]))
                on conflict do nothing
                """)
        .param("id", facts.stream().map(Fact::eventId).toArray(java.util.UUID[]::new))
        .param("t", strings(facts, Fact::eventType))
        .param("case", facts.stream().map(Fact::caseId).toArray(java.util.UUID[]::new))
        .param("k", strings(facts, f -> f.kind().name()))
        .param("h", strings(facts, Fact::hospital))
        .param("c", strings(facts, Fact::counterpart))
        .param("g", strings(facts, Fact::category))
        .param("s", strings(facts, Fact::stage))
        .param("p", strings(facts, Fact::priority))
        .param("y", strings(facts, f -> f.day().toString()))
        .param("r", strings(facts, Fact::reason))
        .param("at", strings(facts, f -> f.eventTime().toString()))
        .update();
  }

  /**
   * Counts per key, in key order: concurrent writers (the live consumer and a rebuild) then lock
   * rows in the same order and cannot deadlock.
   */
  private static Map<List<Object>, Long> sum(List<Fact> facts, Function<Fact, List<Object>> key) {
    Map<List<Object>, Long> counts =
        new TreeMap<>(
            Comparator.comparing(
                (List<Object> k) ->
                    String.join("\u0000", k.stream().map(Object::toString).toList())));
    facts.forEach(f -> counts.merge(key.apply(f), 1L, Long::sum));
    return counts;
  }

  private static String[] strings(Collection<Fact> facts, Function<Fact, ?> value) {
    return facts.stream()
        .map(value)
        .map(v -> v == null ? null : v.toString())
        .toArray(String[]::new);
  }

  /** Summed counts as one text array per key column plus the counts. */
  private record Columns(List<String[]> keys, long[] counts) {

    static Columns of(Map<List<Object>, Long> counts, int width) {
      List<String[]> keys = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        keys.add(new String[counts.size()]);
      }
      long[] n = new long[counts.size()];
      int row = 0;
      for (Map.Entry<List<Object>, Long> e : counts.entrySet()) {
        for (int i = 0; i < width; i++) {
          keys.get(i)[row] = e.getKey().get(i).toString();
        }
        n[row++] = e.getValue();
      }
      return new Columns(keys, n);
    }

    Map<String, Object> params() {
      Map<String, Object> params = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        params.put("c" + i, keys.get(i));
      }
      params.put("n", counts);
      return params;
    }
  }
}
