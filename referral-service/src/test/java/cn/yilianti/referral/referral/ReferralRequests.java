package cn.yilianti.referral.referral;

import java.util.HashMap;
import java.util.Map;

/** Referral request bodies as a HIS would send them. */
final class ReferralRequests {

  static Map<String, Object> upward() {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "UP");
    body.put("priority", "URGENT");
    body.put("fromHospital", "LSX-RMYY");
    body.put("fromDepartment", "CARDIOLOGY");
    body.put("toHospital", "CQMU-2");
    body.put("toDepartment", "CARDIOLOGY");
    body.put("diagnosis", Map.of("code", "I21.4", "text", "急性非ST段抬高型心肌梗死"));
    body.put("patientKey", "pk-7f3a9c");
    return body;
  }

  /** 重庆医科大学附属第二医院 returns a recovered patient to the county hospital. */
  static Map<String, Object> downward() {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "DOWN");
    body.put("priority", "ROUTINE");
    body.put("fromHospital", "CQMU-2");
    body.put("fromDepartment", "CARDIOLOGY");
    body.put("toHospital", "LSX-RMYY");
    body.put("toDepartment", "CARDIOLOGY");
    body.put("diagnosis", Map.of("code", "I21.4", "text", "急性心肌梗死 PCI 术后"));
    body.put("patientKey", "pk-7f3a9c");
    body.put(
        "returnSummary",
        Map.of(
            "dischargeDiagnosis", "急性非ST段抬高型心肌梗死",
            "treatmentGiven", "PCI，植入支架一枚",
            "followUpPlan", "双抗治疗十二个月，一个月后门诊随访"));
    return body;
  }

  /** The township centre refers a routine case up to {@code to}. */
  static Map<String, Object> township(String to, String patientKey) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "UP");
    body.put("priority", "ROUTINE");
    body.put("fromHospital", "LSX-TOWN-1");
    body.put("toHospital", to);
    body.put("diagnosis", Map.of("code", "E11.9", "text", "2型糖尿病"));
    body.put("patientKey", patientKey);
    return body;
  }

  private ReferralRequests() {}
}
