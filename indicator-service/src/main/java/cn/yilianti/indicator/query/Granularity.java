package cn.yilianti.indicator.query;

import cn.yilianti.platform.web.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a period is split into buckets; {@code total} is one bucket. */
enum Granularity {
  TOTAL,
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  /** At most this many buckets per answer: ten years by day would be 3,653 rows per figure. */
  static final int MAX_BUCKETS = 400;

  static Granularity parse(@Nullable String value) {
    if (value == null) {
      return TOTAL;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "granularity",
          "enum",
          "Must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
  }

  LocalDate start(LocalDate day) {
    return switch (this) {
      case TOTAL, DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER ->
          LocalDate.of(day.getYear(), 3 * (day.get(IsoFields.QUARTER_OF_YEAR) - 1) + 1, 1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  private LocalDate next(LocalDate start) {
    return switch (this) {
      case TOTAL -> throw new IllegalStateException();
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /** The buckets of a period, each clipped to it. */
  List<Period> buckets(Period period) {
    if (this == TOTAL) {
      return List.of(period);
    }
    List<Period> buckets = new ArrayList<>();
    for (LocalDate s = start(period.from()); !s.isAfter(period.to()); s = next(s)) {
      LocalDate from = s.isBefore(period.from()) ? period.from() : s;
      LocalDate end = next(s).minusDays(1);
      LocalDate to = end.isAfter(period.to()) ? period.to() : end;
      buckets.add(new Period(from + ".." + to, from, to));
      if (buckets.size() > MAX_BUCKETS) {
        throw ProblemException.invalid(
            "granularity",
            "max-buckets",
            "The period has more than "
                + MAX_BUCKETS
                + " "
                + name().toLowerCase(Locale.ROOT)
                + " buckets: choose a coarser granularity or a shorter period");
      }
    }
    return buckets;
  }
}
