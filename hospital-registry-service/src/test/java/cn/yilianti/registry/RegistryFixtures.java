package cn.yilianti.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies for alliances and hospitals, with unique codes so tests share one database. */
public final class RegistryFixtures {

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  public static Map<String, Object> alliance(String code) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("nameZh", "测试医联体");
    body.put("nameEn", "Test alliance");
    body.put("kind", "MEDICAL_ALLIANCE");
    return body;
  }

  /** A general hospital in Linshui county (Guang'an, Sichuan), member of {@code alliance}. */
  public static Map<String, Object> hospital(
      String code, String level, @Nullable String parent, String alliance) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("nameZh", "测试医院 " + code);
    body.put("nameEn", "Test hospital " + code);
    body.put("level", level);
    body.put("kind", "GENERAL");
    body.put(
        "region", Map.of("provinceCode", "510000", "cityCode", "511600", "countyCode", "511623"));
    if (parent != null) {
      body.put("parentCode", parent);
    }
    body.put(
        "memberships",
        new ArrayList<>(
            List.of(Map.of("allianceCode", alliance, "role", "TIGHT", "joinedOn", "2021-04-01"))));
    body.put("departments", List.of("CARDIOLOGY", "EMERGENCY"));
    body.put("capabilities", Map.of("greenChannel", true, "consultations", List.of("ECG")));
    body.put("bedCapacity", 690);
    body.put(
        "coordinators",
        List.of(
            Map.of(
                "id", "referral-office",
                "name", "转诊办",
                "role", "COORDINATOR",
                "contacts",
                    List.of(Map.of("channel", "EMAIL", "address", "referral@h.example.cn")))));
    body.put(
        "endpoints",
        List.of(Map.of("channel", "WEBHOOK", "address", "https://his.example.cn/hooks/referral")));
    return body;
  }

  private RegistryFixtures() {}
}
