package cn.yilianti.notification.intake;

import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.notification.notice.Recipient;
import cn.yilianti.platform.registry.HospitalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Resolves who to tell at a hospital from the registry read model. */
@Component
public class Recipients {

  private final HospitalDirectory directory;

  Recipients(HospitalDirectory directory) {
    this.directory = directory;
  }

  /**
   * Staff of {@code role} at the hospital whose department matches (staff without a department
   * serve the whole hospital), then the hospital's own systems when {@code withEndpoints}.
   */
  public List<Recipient> at(
      String hospitalCode,
      @Nullable String department,
      CoordinatorRole role,
      boolean needsAck,
      boolean withEndpoints) {
    HospitalStateChanged hospital = directory.find(hospitalCode).orElse(null);
    if (hospital == null) {
      return List.of();
    }
    List<Recipient> recipients = new ArrayList<>();
    hospital.coordinators().stream()
        .filter(c -> c.role() == role)
        .filter(
            c ->
                department == null
                    || c.department() == null
                    || Objects.equals(c.department(), department))
        .forEach(
            c ->
                recipients.add(
                    new Recipient(
                        "coordinator:" + c.id(),
                        hospitalCode,
                        c.name(),
                        c.role().name(),
                        c.department(),
                        needsAck,
                        c.contacts())));
    if (withEndpoints && !hospital.endpoints().isEmpty()) {
      recipients.add(
          new Recipient(
              "hospital:" + hospitalCode,
              hospitalCode,
              null,
              null,
              null,
              false,
              hospital.endpoints()));
    }
    return recipients;
  }
}
