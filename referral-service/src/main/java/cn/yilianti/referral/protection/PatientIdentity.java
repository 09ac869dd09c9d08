package cn.yilianti.referral.protection;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Who the patient is: name, resident ID-card number (GB 11643, 18 characters) and phone. Stored
 * only encrypted, shown masked, never put in events, metrics or logs.
 */
public record PatientIdentity(
    @Nullable @Size(max = 64) String name,
    @Nullable
        @Pattern(
            regexp = "^[1-9][0-9]{16}[0-9Xx]$",
            message = "must be an 18-character resident ID-card number")
        String idCardNumber,
    @Nullable @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$", message = "must be a phone number")
        String phone) {

  /** The identity as the API shows it to anyone who does not need it in full. */
  public PatientIdentity masked() {
    return new PatientIdentity(maskName(name), maskIdCard(idCardNumber), maskPhone(phone));
  }

  @Override
  public String toString() {
    return "PatientIdentity" + masked().fields();
  }

  private String fields() {
    return "[name=" + name + ", idCardNumber=" + idCardNumber + ", phone=" + phone + "]";
  }

  static @Nullable String maskName(@Nullable String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
  }

  static @Nullable String maskIdCard(@Nullable String id) {
    if (id == null || id.length() < 8) {
      return id == null ? null : "*".repeat(id.length());
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  static @Nullable String maskPhone(@Nullable String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }
}
