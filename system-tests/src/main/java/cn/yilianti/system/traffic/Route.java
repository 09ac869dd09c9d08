package cn.yilianti.system.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who sends what to whom: a referral (direction UP or DOWN) or a remote consultation (direction
 * CONSULTATION, with its type) between two seeded hospitals, and the coordinator who answers it
 * (null when the receiving hospital has no demo coordinator, so its cases are only submitted or
 * withdrawn).
 */
public record Route(
    String direction,
    String priority,
    String fromHospital,
    String fromDepartment,
    String toHospital,
    String toDepartment,
    @Nullable String coordinator,
    @Nullable String consultationType,
    String diagnosisCode,
    String diagnosisText) {

  public static final String CONSULTATION = "CONSULTATION";

  public boolean consultation() {
    return CONSULTATION.equals(direction);
  }

  public boolean answerable() {
    return coordinator != null;
  }

  /** The body that creates the case: a pseudonymous patient key, never a name. */
  public Map<String, Object> creationBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (consultation()) {
      body.put("type", consultationType);
    } else {
      body.put("direction", direction);
    }
    body.put("priority", priority);
    body.put("fromHospital", fromHospital);
    body.put("fromDepartment", fromDepartment);
    body.put("toHospital", toHospital);
    body.put("toDepartment", toDepartment);
    body.put("diagnosis", Map.of("code", diagnosisCode, "text", diagnosisText));
    if (consultation()) {
      body.put("question", "please review the " + consultationType + " findings and advise");
    }
    body.put("patientKey", "pk-" + UUID.randomUUID());
    return body;
  }

  /** The indicator cell a successful step of this route raises on {@code day}. */
  public Cell cell(Step step, java.time.LocalDate day) {
    return new Cell(fromHospital, direction, step.stage(), day);
  }
}
