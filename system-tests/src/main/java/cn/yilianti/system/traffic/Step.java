package cn.yilianti.system.traffic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** One API call of a case's lifecycle: who makes it, where, with what body, and what it causes. */
public enum Step {
  SUBMIT(Actor.SENDER, "", "SUBMITTED"),
  ACCEPT(Actor.RECEIVER, "/accept", "ACCEPTED"),
  REJECT(Actor.RECEIVER, "/reject", "REJECTED"),
  CANCEL(Actor.SENDER, "/cancel", "CANCELLED"),
  ARRIVE(Actor.RECEIVER, "/arrive", "ARRIVED"),
  COMPLETE(Actor.RECEIVER, "/complete", "COMPLETED"),
  NO_SHOW(Actor.RECEIVER, "/no-show", "NO_SHOW"),
  REQUEST_CONSULTATION(Actor.SENDER, "", "REQUESTED"),
  SCHEDULE_CONSULTATION(Actor.RECEIVER, "/schedule", "SCHEDULED"),
  COMPLETE_CONSULTATION(Actor.RECEIVER, "/complete", "COMPLETED"),
  DECLINE_CONSULTATION(Actor.RECEIVER, "/decline", "DECLINED"),
  CANCEL_CONSULTATION(Actor.SENDER, "/cancel", "CANCELLED");

  /** The sender's HIS or the receiving hospital's coordinator. */
  public enum Actor {
    SENDER,
    RECEIVER
  }

  private final Actor actor;
  private final String suffix;
  private final String stage;

  Step(Actor actor, String suffix, String stage) {
    this.actor = actor;
    this.suffix = suffix;
    this.stage = stage;
  }

  public Actor actor() {
    return actor;
  }

  /** The stage the case enters when the call succeeds. */
  public String stage() {
    return stage;
  }

  public boolean creates() {
    return this == SUBMIT || this == REQUEST_CONSULTATION;
  }

  /** Path of the call, {@code id} being the case's id (ignored for the creating calls). */
  public String path(String collection, String id) {
    return creates() ? collection : collection + "/" + id + suffix;
  }

  /** Body of a transition; the creating calls' bodies come from the route. */
  public Map<String, Object> body(Route route) {
    return switch (this) {
      case ACCEPT ->
          nullable("department", route.toDepartment(), "appointmentAt", null, "bed", (Object) null);
      case REJECT -> Map.of("reasonCode", "NO_BED", "comment", "no bed free in the department");
      case CANCEL -> Map.of("reasonCode", "PATIENT_DECLINED", "comment", "patient chose to stay");
      case COMPLETE -> Map.of("outcomeCode", "CURED");
      case SCHEDULE_CONSULTATION ->
          Map.of(
              "scheduledAt",
              Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
              "expert",
              "chief physician on duty");
      case COMPLETE_CONSULTATION -> Map.of("reportText", "opinion sent to the requesting doctor");
      case DECLINE_CONSULTATION ->
          Map.of("reasonCode", "NO_EXPERT", "comment", "no expert free this week");
      case CANCEL_CONSULTATION ->
          Map.of("reasonCode", "PATIENT_DECLINED", "comment", "patient chose to stay");
      default -> Map.of();
    };
  }

  private static Map<String, Object> nullable(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
