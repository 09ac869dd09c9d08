package cn.yilianti.indicator.volume;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Totals of one hospital for one period, as its HIS reports them. */
public record Volume(
    @NotNull @PositiveOrZero Long outpatientVisits,
    @NotNull @PositiveOrZero Long admissions,
    @NotNull @PositiveOrZero Long discharges,
    @NotNull @PositiveOrZero Long bedDays,
    @NotNull @PositiveOrZero Integer beds,
    @NotNull @PositiveOrZero Integer staffTrainedUpstream) {

  static final Volume ZERO = new Volume(0L, 0L, 0L, 0L, 0, 0);

  /** Months add up; beds are a stock, so the larger count stands. */
  Volume plus(Volume o) {
    return new Volume(
        outpatientVisits + o.outpatientVisits,
        admissions + o.admissions,
        discharges + o.discharges,
        bedDays + o.bedDays,
        Math.max(beds, o.beds),
        staffTrainedUpstream + o.staffTrainedUpstream);
  }
}
