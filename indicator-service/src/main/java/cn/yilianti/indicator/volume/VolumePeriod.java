package cn.yilianti.indicator.volume;

import cn.yilianti.platform.web.ProblemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The period of reported totals: a year ({@code 2020}) or a month ({@code 2020-05}). */
record VolumePeriod(String label, int year, @Nullable Integer month) {

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2]))?");

  static VolumePeriod parse(String value) {
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw ProblemException.invalid(
          "period", "format", "Must be a year (2020) or a month (2020-05)");
    }
    return new VolumePeriod(
        value,
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? null : Integer.parseInt(m.group(2)));
  }
}
