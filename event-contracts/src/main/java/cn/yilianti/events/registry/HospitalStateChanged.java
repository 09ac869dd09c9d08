package cn.yilianti.events.registry;

import cn.yilianti.events.PlatformEvent;
import cn.yilianti.events.Topics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A hospital was created or changed: its full current state, keyed by code on the compacted {@code
 * hospital-registry} topic (a null value removes it). {@code revision} grows with every change so a
 * read model can ignore stale copies.
 */
public record HospitalStateChanged(
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
    long revision)
    implements PlatformEvent {

  @Override
  public String key() {
    return code;
  }

  @Override
  public String topic() {
    return Topics.HOSPITAL_REGISTRY;
  }
}
