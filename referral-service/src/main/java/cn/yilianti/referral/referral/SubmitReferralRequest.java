package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.referral.protection.PatientIdentity;
import cn.yilianti.referral.referral.ReferralDetails.Attachment;
import cn.yilianti.referral.referral.ReferralDetails.InsuranceType;
import cn.yilianti.referral.referral.ReferralDetails.ReturnSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a HIS sends to refer a patient to another member hospital. */
record SubmitReferralRequest(
    @Nullable @Size(max = 64) String hisBusinessId,
    @NotNull Direction direction,
    @NotNull Priority priority,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String fromHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String fromDepartment,
    @Nullable @Size(max = 64) String fromClinician,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String toHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String toDepartment,
    @NotNull @Valid Diagnosis diagnosis,
    @Nullable @Size(max = 4000) String conditionSummary,
    @Nullable @Size(max = 2000) String reason,
    @Nullable @Size(max = 2000) String cautions,
    @Nullable LocalDate requestedDate,
    @Nullable InsuranceType insuranceType,
    @Nullable @Size(max = 20) List<@NotNull @Valid Attachment> attachments,
    @Nullable @Valid ReturnSummary returnSummary,
    @Nullable UUID closesReferral,
    @Nullable UUID rereferralOf,
    @NotBlank @Size(max = 128) String patientKey,
    @Nullable @Valid PatientIdentity patient) {

  static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

  /** ICD-10 code (e.g. I21.4) and the clinician's text. */
  record Diagnosis(
      @NotBlank
          @Pattern(
              regexp = "^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$",
              message = "must be an ICD-10 code such as I21.4")
          String code,
      @NotBlank @Size(max = 500) String text) {}
}
