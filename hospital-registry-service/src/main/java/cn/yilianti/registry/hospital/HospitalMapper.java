package cn.yilianti.registry.hospital;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.registry.hospital.HospitalRequest.CapabilitiesInput;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.mapstruct.Mapper;

/** Request to stored hospital, stored hospital to the published event. */
@Mapper
public interface HospitalMapper {

  Hospital toHospital(
      HospitalRequest request,
      HospitalStatus status,
      long revision,
      Instant createdAt,
      Instant updatedAt);

  HospitalStateChanged toEvent(Hospital hospital);

  /** Consultation types in declaration order, so equal states serialise equally. */
  default Capabilities toCapabilities(CapabilitiesInput input) {
    return capabilities(input.greenChannel(), input.consultations());
  }

  static Capabilities capabilities(boolean greenChannel, Set<ConsultationType> types) {
    return new Capabilities(
        greenChannel,
        Collections.unmodifiableSet(
            types.isEmpty() ? EnumSet.noneOf(ConsultationType.class) : EnumSet.copyOf(types)));
  }
}
