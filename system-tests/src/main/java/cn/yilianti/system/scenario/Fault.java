package cn.yilianti.system.scenario;

import cn.yilianti.system.traffic.Capabilities;
import org.jspecify.annotations.Nullable;

/** Something that goes wrong in a hospital data centre, and how it is put right. */
public interface Fault {

  /** Does the damage; returns a note for the report (e.g. the outbox backlog at the kill). */
  String inject(SystemUnderTest system) throws Exception;

  /** Repairs it and returns once the repaired part is ready again. */
  String heal(SystemUnderTest system) throws Exception;

  /** Why this fault cannot be run against this platform, or null when it can. */
  default @Nullable String skipReason(SystemUnderTest system, Capabilities capabilities) {
    return null;
  }

  /**
   * Checks after the exactness check (e.g. the poison record reached the dead letters); returns
   * what is wrong, or null.
   */
  default @Nullable String verify(SystemUnderTest system) {
    return null;
  }

  /** Whether every API call must succeed while the fault lasts (the fault is off the API path). */
  default boolean apiStaysUp() {
    return false;
  }

  /** No fault: the steady-load baseline. */
  Fault NONE = Faults.simple(false, s -> "", s -> "");
}
