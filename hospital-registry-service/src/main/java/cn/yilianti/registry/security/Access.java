package cn.yilianti.registry.security;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The registry's reading of a {@link Caller}: who manages which alliance, who reads everything, and
 * the registry itself (seed data at start), which may do anything. A system caller is known by
 * identity, never by its claims, so no token can pose as one.
 */
public final class Access {

  private static final Set<Caller> SYSTEM = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The registry acting on its own (the name goes into the change history). */
  public static synchronized Caller system(String name) {
    Caller caller = new Caller(name, null, null, EnumSet.allOf(Role.class), Set.of());
    SYSTEM.add(caller);
    return caller;
  }

  public static synchronized boolean isSystem(Caller caller) {
    return SYSTEM.contains(caller);
  }

  /** True for a manager of {@code alliance} (or the registry itself). */
  public static boolean manages(Caller caller, String alliance) {
    return isSystem(caller)
        || (caller.has(Role.ALLIANCE_MANAGER) && caller.alliances().contains(alliance));
  }

  /** Staff and operators read the whole registry; an HIS client only its own hospital. */
  public static boolean readsEverything(Caller caller) {
    return isSystem(caller)
        || caller.has(Role.ALLIANCE_MANAGER)
        || caller.has(Role.OPS)
        || caller.has(Role.COORDINATOR);
  }

  private Access() {}
}
