package cn.yilianti.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.fixtures.SampleEvents;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema documents in {@code schemas/} describe exactly what the records serialise to. */
class EventSchemaTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everySampleEventValidatesAgainstItsTopicSchema(boolean allOptionalFieldsFilled) {
    for (PlatformEvent event : SampleEvents.all(allOptionalFieldsFilled)) {
      String json = EventCodec.encodeToString(SampleEvents.envelope(event));
      List<Error> errors = schema(event.topic()).validate(json, InputFormat.JSON);
      assertThat(errors)
          .as("%s on %s: %s", event.getClass().getSimpleName(), event.topic(), json)
          .isEmpty();
    }
  }

  @Test
  void schemaRejectsAnEventWithAFieldItDoesNotDeclare() {
    PlatformEvent event = SampleEvents.all(true).getFirst();
    JsonNode node = JSON.readTree(EventCodec.encode(SampleEvents.envelope(event)));
    ((tools.jackson.databind.node.ObjectNode) node.get("data")).put("patientName", "张三");
    assertThat(schema(event.topic()).validate(node)).isNotEmpty();
  }

  @Test
  void schemaRejectsAReferralOnTheTopicOfTheOtherDirection() {
    PlatformEvent up = SampleEvents.all(true).getFirst();
    String json = EventCodec.encodeToString(SampleEvents.envelope(up));
    assertThat(schema(Topics.REFERRAL_DOWN).validate(json, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void everyCatalogTypeIsDocumentedOnItsTopicAndNothingElse() {
    Map<String, Set<String>> documented = new HashMap<>();
    for (String topic : Topics.ALL) {
      Set<String> names = new TreeSet<>();
      schemaNode(topic).at("/properties/type/enum").forEach(n -> names.add(n.asString()));
      documented.put(topic, names);
    }
    Map<String, Set<String>> published = new HashMap<>();
    for (PlatformEvent event : SampleEvents.all(true)) {
      published
          .computeIfAbsent(event.topic(), t -> new TreeSet<>())
          .add(EventCatalog.typeOf(event.getClass()).name());
    }
    assertThat(published).isEqualTo(documented);
    assertThat(SampleEvents.all(true).stream().map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            EventCatalog.TYPES.stream().map(EventType::payload).toList());
  }

  @Test
  void schemaPropertiesAndRequiredFieldsMatchTheRecordComponents() {
    for (PlatformEvent event : SampleEvents.all(true)) {
      JsonNode defs = schemaNode(event.topic()).get("$defs");
      assertMatches(event.getClass(), defs);
    }
  }

  private static void assertMatches(Class<?> record, JsonNode defs) {
    JsonNode def = defs.get(record.getSimpleName());
    assertThat(def).as("$defs/%s", record.getSimpleName()).isNotNull();
    Set<String> properties = new HashSet<>(def.get("properties").propertyNames());
    Set<String> required = new HashSet<>();
    def.get("required").forEach(n -> required.add(n.asString()));
    Set<String> components = new HashSet<>();
    Set<String> nonNull = new HashSet<>();
    for (RecordComponent c : record.getRecordComponents()) {
      components.add(c.getName());
      if (!c.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        nonNull.add(c.getName());
      }
      Class<?> nested = nestedRecord(c.getGenericType());
      if (nested != null) {
        assertMatches(nested, defs);
      }
    }
    assertThat(properties).as("properties of %s", record.getSimpleName()).isEqualTo(components);
    assertThat(required).as("required of %s", record.getSimpleName()).isEqualTo(nonNull);
  }

  private static @Nullable Class<?> nestedRecord(Type type) {
    if (type instanceof Class<?> c && c.isRecord()) {
      return c;
    }
    if (type instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c
        && c.isRecord()) {
      return c;
    }
    return null;
  }

  private static Schema schema(String topic) {
    return REGISTRY.getSchema(schemaNode(topic).toString(), InputFormat.JSON);
  }

  private static JsonNode schemaNode(String topic) {
    try (InputStream in =
        EventSchemaTest.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
      assertThat(in).as("schema of %s", topic).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
