package cn.yilianti.notification.api;

import cn.yilianti.events.registry.Membership;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees which hospital's notifications: OPS all, an alliance manager the members of their
 * alliances, hospital staff and systems their own hospital only.
 */
@Component
class Access {

  private final HospitalDirectory directory;

  Access(HospitalDirectory directory) {
    this.directory = directory;
  }

  boolean sees(Caller caller, String hospital) {
    if (caller.has(Role.OPS) || caller.belongsTo(hospital)) {
      return true;
    }
    return caller.has(Role.ALLIANCE_MANAGER)
        && directory.find(hospital).stream()
            .flatMap(h -> h.memberships().stream())
            .filter(m -> m.leftOn() == null)
            .map(Membership::allianceCode)
            .anyMatch(caller.alliances()::contains);
  }

  void requireOps(Caller caller) {
    if (!caller.has(Role.OPS)) {
      throw forbidden("only operations staff may do this");
    }
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }
}
