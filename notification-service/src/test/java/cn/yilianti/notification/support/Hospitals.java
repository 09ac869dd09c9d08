package cn.yilianti.notification.support;

import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.Contact;
import cn.yilianti.events.registry.Coordinator;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.events.registry.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds registry states of test hospitals with their coordinators and endpoints. */
public final class Hospitals {

  private final String code;
  private final List<Coordinator> coordinators = new ArrayList<>();
  private final List<Contact> endpoints = new ArrayList<>();

  private Hospitals(String code) {
    this.code = code;
  }

  public static String uniqueCode(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Hospitals hospital(String code) {
    return new Hospitals(code);
  }

  public Hospitals coordinator(
      String id, CoordinatorRole role, @Nullable String department, Contact... contacts) {
    coordinators.add(new Coordinator(id, "员工" + id, role, department, List.of(contacts)));
    return this;
  }

  public Hospitals endpoint(ChannelType channel, String address) {
    endpoints.add(new Contact(channel, address));
    return this;
  }

  public HospitalStateChanged build() {
    return new HospitalStateChanged(
        code,
        "测试医院" + code,
        "Test Hospital " + code,
        HospitalLevel.TERTIARY_A,
        HospitalKind.GENERAL,
        new Region("500000", "500100", "500103"),
        null,
        List.of(new Membership("ALLIANCE-T", MembershipRole.TIGHT, LocalDate.of(2020, 1, 1), null)),
        List.of(),
        List.of("CARDIOLOGY", "NEUROLOGY"),
        new Capabilities(true, Set.of()),
        800,
        List.copyOf(coordinators),
        List.copyOf(endpoints),
        HospitalStatus.ACTIVE,
        1);
  }

  public static Contact email(String address) {
    return new Contact(ChannelType.EMAIL, address);
  }

  public static Contact contact(ChannelType channel, String address) {
    return new Contact(channel, address);
  }
}
