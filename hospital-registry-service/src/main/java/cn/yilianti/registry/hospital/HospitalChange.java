package cn.yilianti.registry.hospital;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One entry of a hospital's history: who changed which fields, when, from what to what. */
public record HospitalChange(
    long revision,
    ChangeAction action,
    String changedBy,
    Instant changedAt,
    List<FieldChange> changes) {

  /** A top-level field's value before and after the change (null when absent). */
  public record FieldChange(String field, JsonNode before, JsonNode after) {}
}
