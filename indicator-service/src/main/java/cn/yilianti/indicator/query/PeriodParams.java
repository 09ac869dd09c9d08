package cn.yilianti.indicator.query;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The period parameters every indicator query takes: {@code period} (2020, 2020-Q2, 2020-05,
 * 2020-W19, 2020-05-04 or ytd, the default) or {@code from}/{@code to}, and {@code granularity}.
 */
record PeriodParams(
    @Parameter(description = "2020, 2020-Q2, 2020-05, 2020-W19, 2020-05-04 or ytd (default)")
        @Nullable String period,
    @Parameter(description = "first day of a custom range (yyyy-MM-dd)") @Nullable String from,
    @Parameter(description = "last day of a custom range (yyyy-MM-dd)") @Nullable String to,
    @Parameter(description = "total (default), day, week, month, quarter or year")
        @Nullable String granularity) {

  Period parse(LocalDate today) {
    return Period.parse(period, from, to, today);
  }

  Granularity parseGranularity() {
    return Granularity.parse(granularity);
  }
}
