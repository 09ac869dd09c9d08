package cn.yilianti.events;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * CloudEvents 1.0 envelope in structured JSON mode. {@code type} ends in the schema version ({@code
 * .v1}); a consumer refuses versions it does not know instead of guessing.
 */
public record CloudEvent<T extends PlatformEvent>(
    String specversion,
    UUID id,
    URI source,
    String type,
    Instant time,
    String subject,
    String datacontenttype,
    URI dataschema,
    T data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";

  public static <T extends PlatformEvent> CloudEvent<T> of(URI source, T data, Instant time) {
    return of(UUID.randomUUID(), source, data, time);
  }

  public static <T extends PlatformEvent> CloudEvent<T> of(
      UUID id, URI source, T data, Instant time) {
    EventType type = EventCatalog.typeOf(data.getClass());
    return new CloudEvent<>(
        SPEC_VERSION,
        id,
        source,
        type.name(),
        time,
        data.key(),
        DATA_CONTENT_TYPE,
        type.schema(),
        data);
  }
}
