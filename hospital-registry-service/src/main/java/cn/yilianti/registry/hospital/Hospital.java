package cn.yilianti.registry.hospital;

import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.Contact;
import cn.yilianti.events.registry.Coordinator;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.Region;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member institution as stored and shown by the API: the published state plus whether it is
 * synthetic (generated seed data) and when it was created and last changed.
 */
public record Hospital(
    String code,
    String nameZh,
    String nameEn,
    HospitalLevel level,
    HospitalKind kind,
    Region region,
    @Nullable String parentCode,
    List<Membership> memberships,
    List<String> agreementHospitals,
    List<String> departments,
    Capabilities capabilities,
    int bedCapacity,
    List<Coordinator> coordinators,
    List<Contact> endpoints,
    HospitalStatus status,
    boolean synthetic,
    long revision,
    Instant createdAt,
    Instant updatedAt) {

  /** The same hospital with another status, at the next revision. */
  public Hospital withStatus(HospitalStatus newStatus, Instant at) {
    return new Hospital(
        code,
        nameZh,
        nameEn,
        level,
        kind,
        region,
        parentCode,
        memberships,
        agreementHospitals,
        departments,
        capabilities,
        bedCapacity,
        coordinators,
        endpoints,
        newStatus,
        synthetic,
        revision + 1,
        createdAt,
        at);
  }
}
