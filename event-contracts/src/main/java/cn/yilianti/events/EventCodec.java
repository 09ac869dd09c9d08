package cn.yilianti.events;

import cn.yilianti.events.EventDecodingException.Reason;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads CloudEvents in structured JSON mode; the only (de)serialiser of events. */
public final class EventCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public static byte[] encode(CloudEvent<?> event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String encodeToString(CloudEvent<?> event) {
    return MAPPER.writeValueAsString(event);
  }

  /** Reads one event; throws {@link EventDecodingException} for anything that is not one. */
  public static CloudEvent<PlatformEvent> decode(byte @Nullable [] json) {
    if (json == null || json.length == 0) {
      throw new EventDecodingException(Reason.MALFORMED, "empty record value");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new EventDecodingException(Reason.MALFORMED, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new EventDecodingException(Reason.MALFORMED, "not a JSON object");
    }
    String typeName = root.path("type").asString("");
    EventType type =
        EventCatalog.byName(typeName)
            .orElseThrow(
                () ->
                    new EventDecodingException(
                        EventCatalog.isUnknownVersionOfKnownType(typeName)
                            ? Reason.UNSUPPORTED_VERSION
                            : Reason.UNKNOWN_TYPE,
                        "type '" + typeName + "'"));
    if (!CloudEvent.SPEC_VERSION.equals(root.path("specversion").asString(""))) {
      throw new EventDecodingException(Reason.UNSUPPORTED_VERSION, "specversion must be 1.0");
    }
    try {
      CloudEvent<PlatformEvent> event =
          MAPPER.readValue(
              MAPPER.treeAsTokens(root),
              MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, type.payload()));
      requireNonNullComponents(event, "");
      return event;
    } catch (JacksonException e) {
      throw new EventDecodingException(Reason.INVALID, e.getOriginalMessage(), e);
    }
  }

  /** Decodes and checks that the payload has the expected type. */
  @SuppressWarnings("unchecked")
  public static <T extends PlatformEvent> CloudEvent<T> decode(byte[] json, Class<T> payload) {
    CloudEvent<PlatformEvent> event = decode(json);
    if (!payload.isInstance(event.data())) {
      throw new EventDecodingException(
          Reason.UNKNOWN_TYPE, "expected " + payload.getSimpleName() + " but got " + event.type());
    }
    return (CloudEvent<T>) (CloudEvent<?>) event;
  }

  /** Components without {@code @Nullable} are required, at every depth of the payload. */
  private static void requireNonNullComponents(Record record, String path) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = path + component.getName();
      if (value == null) {
        if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
          throw new EventDecodingException(Reason.INVALID, "missing required field '" + name + "'");
        }
      } else if (value instanceof Record nested) {
        requireNonNullComponents(nested, name + ".");
      } else if (value instanceof Collection<?> items) {
        for (Object item : items) {
          if (item instanceof Record nested) {
            requireNonNullComponents(nested, name + "[].");
          }
        }
      }
    }
  }

  private EventCodec() {}
}
