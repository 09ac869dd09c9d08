package cn.yilianti.registry.hospital;

import cn.yilianti.events.registry.Membership;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.security.Access;
import cn.yilianti.registry.security.Forbidden;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Who may read and change which hospital. */
public final class HospitalAccess {

  /** 403 unless {@code caller} may read {@code code}: staff read all, an HIS its own hospital. */
  public static void requireMayRead(Caller caller, String code) {
    if (!Access.readsEverything(caller) && !code.equals(caller.hospital())) {
      throw Forbidden.because("An HIS client reads only its own hospital");
    }
  }

  /**
   * Only alliance managers change the registry, and only hospitals of an alliance they manage;
   * memberships of alliances they do not manage are neither added, changed nor removed.
   */
  public static void requireMayWrite(
      Caller caller, @Nullable Hospital before, @Nullable HospitalRequest after) {
    if (Access.isSystem(caller)) {
      return;
    }
    if (!caller.has(Role.ALLIANCE_MANAGER)) {
      throw Forbidden.because("Only alliance managers change the registry");
    }
    if (before != null
        && before.memberships().stream().noneMatch(m -> Access.manages(caller, m.allianceCode()))) {
      throw Forbidden.because(
          "You manage none of the alliances of " + before.code() + ": " + caller.alliances());
    }
    Set<String> touched = touchedAlliances(before, after);
    for (String alliance : touched) {
      if (!Access.manages(caller, alliance)) {
        throw Forbidden.because("You do not manage alliance " + alliance);
      }
    }
  }

  private static Set<String> touchedAlliances(
      @Nullable Hospital before, @Nullable HospitalRequest after) {
    Set<String> touched = new HashSet<>();
    List<Membership> old = before == null ? List.of() : before.memberships();
    List<Membership> now =
        after == null
            ? old
            : after.memberships().stream()
                .map(m -> new Membership(m.allianceCode(), m.role(), m.joinedOn(), m.leftOn()))
                .toList();
    for (Membership m : old) {
      if (!now.contains(m)) {
        touched.add(m.allianceCode());
      }
    }
    for (Membership m : now) {
      if (!old.contains(m)) {
        touched.add(m.allianceCode());
      }
    }
    return touched;
  }

  private HospitalAccess() {}
}
