package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a HIS sends to refer a patient to another member hospital. */
record SubmitReferralRequest(
    @NotNull Direction direction,
    @NotNull Priority priority,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String fromHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String fromDepartment,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String toHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String toDepartment,
    @NotNull @Valid Diagnosis diagnosis,
    @NotBlank @Size(max = 128) String patientKey) {

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
