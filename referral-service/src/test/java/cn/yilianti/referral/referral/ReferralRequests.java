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

  private ReferralRequests() {}
}
