package cn.yilianti.events;

import java.net.URI;

/** One versioned event type: its CloudEvents type name, payload class and schema. */
public record EventType(String baseName, int version, Class<? extends PlatformEvent> payload) {

  public String name() {
    return baseName + ".v" + version;
  }

  public URI schema() {
    return URI.create("urn:yilianti:schema:" + name());
  }
}
