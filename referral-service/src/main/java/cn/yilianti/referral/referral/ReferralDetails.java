package cn.yilianti.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The clinical content of a referral beyond the diagnosis (stored as one JSON document). */
record ReferralDetails(
    @Nullable String conditionSummary,
    @Nullable String reason,
    @Nullable String cautions,
    @Nullable LocalDate requestedDate,
    @Nullable InsuranceType insuranceType,
    List<Attachment> attachments,
    @Nullable ReturnSummary returnSummary) {

  ReferralDetails {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** 医保类型: how the patient's care is paid for. */
  enum InsuranceType {
    URBAN_EMPLOYEE,
    URBAN_RURAL_RESIDENT,
    COMMERCIAL,
    SELF_PAY,
    OTHER
  }

  /**
   * A link, never the content: an imaging study id in the cloud-imaging system or a document URL.
   */
  record Attachment(
      @NotNull Kind kind,
      @NotBlank @Size(max = 2048) String ref,
      @Nullable @Size(max = 200) String title) {

    enum Kind {
      IMAGING_STUDY,
      DOCUMENT
    }
  }

  /** 回转单: what the receiving hospital tells the one the patient returns to. */
  record ReturnSummary(
      @NotBlank @Size(max = 500) String dischargeDiagnosis,
      @NotBlank @Size(max = 4000) String treatmentGiven,
      @NotBlank @Size(max = 4000) String followUpPlan) {}
}
