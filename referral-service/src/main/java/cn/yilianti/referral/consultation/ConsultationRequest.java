package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a HIS sends to ask another member hospital for a remote consultation. */
record ConsultationRequest(
    @NotNull ConsultationType type,
    @NotNull Priority priority,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String fromHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String fromDepartment,
    @Nullable @Size(max = 64) String fromClinician,
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE) String toHospital,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE) String toDepartment,
    @NotNull @Valid Diagnosis diagnosis,
    @NotBlank @Size(max = 4000) String question,
    @Nullable @Size(max = 20) List<@NotNull @WebLink URI> attachments,
    @NotBlank @Size(max = 128) String patientKey) {

  static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

  List<URI> attachmentList() {
    return attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** ICD-10 code (e.g. C34.1) and the clinician's text. */
  record Diagnosis(
      @NotBlank
          @Pattern(
              regexp = "^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$",
              message = "must be an ICD-10 code such as C34.1")
          String code,
      @NotBlank @Size(max = 500) String text) {}
}
