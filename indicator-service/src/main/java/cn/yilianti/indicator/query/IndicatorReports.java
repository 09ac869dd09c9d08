package cn.yilianti.indicator.query;

import cn.yilianti.indicator.query.IndicatorQueries.Row;
import cn.yilianti.indicator.query.IndicatorReport.Bucket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles an {@link IndicatorReport} from the projection, in one read-only snapshot. */
@Service
class IndicatorReports {

  private final IndicatorQueries queries;

  IndicatorReports(IndicatorQueries queries) {
    this.queries = queries;
  }

  @Transactional(
      readOnly = true,
      isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
  IndicatorReport report(Scope scope, Period period, Granularity granularity) {
    List<Period> periods = granularity.buckets(period);
    List<Row> sent = queries.transfers(scope.hospitals(), period, true);
    List<Row> received = queries.transfers(scope.hospitals(), period, false);
    List<Row> consultations = queries.consultations(scope.hospitals(), period);

    Map<String, Long> up = stages(sent, "UP");
    Map<String, Long> down = stages(sent, "DOWN");
    Map<String, Long> reasons = new TreeMap<>();
    queries
        .rejectionReasons(scope.hospitals(), period)
        .forEach(r -> reasons.merge(r.stage(), r.count(), Long::sum));
    Map<String, @Nullable Double> acceptance = new LinkedHashMap<>();
    acceptance.put("UP", ratio(up.get("ACCEPTED"), up.get("SUBMITTED")));
    acceptance.put("DOWN", ratio(down.get("ACCEPTED"), down.get("SUBMITTED")));

    return new IndicatorReport(
        scope.kind(),
        scope.code(),
        "HOSPITAL".equals(scope.kind()) ? scope.code() : null,
        scope.hospitals().size(),
        new IndicatorReport.PeriodView(period.label(), period.from(), period.to()),
        granularity.name().toLowerCase(java.util.Locale.ROOT),
        up,
        down,
        new IndicatorReport.Received(stages(received, "UP"), stages(received, "DOWN")),
        ratio(up.get("SUBMITTED"), down.get("SUBMITTED")),
        acceptance,
        reasons,
        queries.timeToAccept(scope.hospitals(), period),
        queries.greenChannel(scope.hospitals(), period),
        byType(consultations),
        lastChanged(sent, consultations),
        granularity == Granularity.TOTAL
            ? List.of()
            : buckets(periods, granularity, sent, consultations));
  }

  private static List<Bucket> buckets(
      List<Period> periods, Granularity granularity, List<Row> sent, List<Row> consultations) {
    Map<LocalDate, List<Row>> sentBy = group(sent, granularity);
    Map<LocalDate, List<Row>> consultedBy = group(consultations, granularity);
    List<Bucket> buckets = new ArrayList<>(periods.size());
    for (Period p : periods) {
      LocalDate key = granularity.start(p.from());
      List<Row> s = sentBy.getOrDefault(key, List.of());
      List<Row> c = consultedBy.getOrDefault(key, List.of());
      buckets.add(
          new Bucket(
              p.from(), p.to(), stages(s, "UP"), stages(s, "DOWN"), byType(c), lastChanged(s, c)));
    }
    return buckets;
  }

  private static Map<LocalDate, List<Row>> group(List<Row> rows, Granularity granularity) {
    Map<LocalDate, List<Row>> groups = new HashMap<>();
    rows.forEach(
        r -> groups.computeIfAbsent(granularity.start(r.day()), d -> new ArrayList<>()).add(r));
    return groups;
  }

  private static Map<String, Long> stages(List<Row> rows, String category) {
    Map<String, Long> stages = new TreeMap<>();
    rows.stream()
        .filter(r -> r.category().equals(category))
        .forEach(r -> stages.merge(r.stage(), r.count(), Long::sum));
    return stages;
  }

  private static Map<String, Map<String, Long>> byType(List<Row> rows) {
    Map<String, Map<String, Long>> types = new TreeMap<>();
    rows.forEach(
        r ->
            types
                .computeIfAbsent(r.category(), t -> new TreeMap<>())
                .merge(r.stage(), r.count(), Long::sum));
    return types;
  }

  private static @Nullable Instant lastChanged(List<Row> a, List<Row> b) {
    Instant last = null;
    for (List<Row> rows : List.of(a, b)) {
      for (Row r : rows) {
        if (last == null || r.changed().isAfter(last)) {
          last = r.changed();
        }
      }
    }
    return last;
  }

  static @Nullable Double ratio(@Nullable Long numerator, @Nullable Long denominator) {
    if (denominator == null || denominator == 0) {
      return null;
    }
    return (numerator == null ? 0 : numerator) / (double) denominator;
  }
}
