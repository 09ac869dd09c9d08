package cn.yilianti.indicator.volume;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of the yearly table in the shape of the seed's Table 1: volumes from the HIS reports,
 * referrals (stage SUBMITTED, sent by the hospital) from the events. Rates are null without the
 * volumes they divide by.
 */
public record YearRow(
    String hospital,
    int year,
    @Nullable Long outpatientVisits,
    @Nullable Long inpatientVisits,
    @Nullable BigDecimal averageLengthOfStay,
    @Nullable BigDecimal bedTurnover,
    long upwardReferrals,
    long downwardReferrals,
    @Nullable Integer staffTrainedUpstream,
    long upwardLeavingCounty,
    @Nullable BigDecimal outTransferRate) {

  static final String CSV_HEADER =
      "hospital,year,outpatient_visits,inpatient_visits,average_length_of_stay,bed_turnover,"
          + "upward_referrals,downward_referrals,staff_trained_upstream,upward_leaving_county,"
          + "out_transfer_rate";

  String csv() {
    return String.join(
        ",",
        hospital,
        String.valueOf(year),
        text(outpatientVisits),
        text(inpatientVisits),
        text(averageLengthOfStay),
        text(bedTurnover),
        String.valueOf(upwardReferrals),
        String.valueOf(downwardReferrals),
        text(staffTrainedUpstream),
        String.valueOf(upwardLeavingCounty),
        text(outTransferRate));
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}
