package cn.yilianti.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka headers written beside the structured-mode value (CloudEvents Kafka protocol binding), so
 * brokers' tools and consumers can route on type and subject without parsing the value.
 */
public final class CloudEventHeaders {

  public static final String CONTENT_TYPE = "content-type";
  public static final String STRUCTURED_CONTENT_TYPE =
      "application/cloudevents+json; charset=UTF-8";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String SPEC_VERSION = "ce_specversion";
  public static final String TYPE = "ce_type";
  public static final String TIME = "ce_time";
  public static final String SUBJECT = "ce_subject";

  public static Map<String, String> of(CloudEvent<?> event) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE);
    headers.put(ID, event.id().toString());
    headers.put(SOURCE, event.source().toString());
    headers.put(SPEC_VERSION, event.specversion());
    headers.put(TYPE, event.type());
    headers.put(TIME, event.time().toString());
    headers.put(SUBJECT, event.subject());
    return headers;
  }

  private CloudEventHeaders() {}
}
