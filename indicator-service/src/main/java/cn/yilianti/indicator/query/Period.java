package cn.yilianti.indicator.query;

import cn.yilianti.platform.web.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A closed range of days (alliance time zone). Written as {@code period}: a year {@code 2020}, a
 * quarter {@code 2020-Q2}, a month {@code 2020-05}, an ISO week {@code 2020-W19}, a day {@code
 * 2020-05-04} or {@code ytd} (year to date); or as a custom {@code from}/{@code to} range.
 */
record Period(String label, LocalDate from, LocalDate to) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String FORMS =
      "a year (2020), quarter (2020-Q2), month (2020-05), ISO week (2020-W19), day (2020-05-04) or ytd";

  static Period parse(
      @Nullable String period, @Nullable String from, @Nullable String to, LocalDate today) {
    if (from != null || to != null) {
      if (period != null) {
        throw ProblemException.invalid(
            "period", "exclusive", "Give either period or from/to, not both");
      }
      LocalDate start = date("from", from);
      LocalDate end = date("to", to);
      if (end.isBefore(start)) {
        throw ProblemException.invalid("to", "not-before-from", "Must not be before from");
      }
      return new Period(start + ".." + end, start, end);
    }
    String p = period == null ? "ytd" : period.trim();
    try {
      if (p.equalsIgnoreCase("ytd")) {
        return new Period("ytd", today.withDayOfYear(1), today);
      }
      Matcher m;
      if ((m = YEAR.matcher(p)).matches()) {
        int year = Integer.parseInt(m.group(1));
        return new Period(p, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
      }
      if ((m = QUARTER.matcher(p)).matches()) {
        LocalDate start =
            LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
        return new Period(p, start, start.plusMonths(3).minusDays(1));
      }
      if ((m = MONTH.matcher(p)).matches()) {
        YearMonth month = YearMonth.parse(p);
        return new Period(p, month.atDay(1), month.atEndOfMonth());
      }
      if ((m = WEEK.matcher(p)).matches()) {
        int week = Integer.parseInt(m.group(2));
        LocalDate start =
            LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (week < 1 || start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
          throw new DateTimeParseException("no such week", p, 0);
        }
        return new Period(p, start, start.plusDays(6));
      }
      if (DAY.matcher(p).matches()) {
        LocalDate day = LocalDate.parse(p);
        return new Period(p, day, day);
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      // falls through to the problem below
    }
    throw ProblemException.invalid("period", "format", "Must be " + FORMS);
  }

  private static LocalDate date(String name, @Nullable String value) {
    if (value == null) {
      throw ProblemException.invalid(
          name, "required", "A custom range needs both from and to (yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(name, "format", "Must be a date (yyyy-MM-dd)");
    }
  }

  long days() {
    return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
  }
}
