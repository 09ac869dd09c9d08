package cn.yilianti.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.events.fixtures.SampleEvents;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** PIPL: case events carry ids and codes, never a field that could hold a patient's identity. */
class NoPatientIdentityInEventsTest {

  private static final Pattern IDENTITY =
      Pattern.compile("(?i).*(name|idcard|identity|phone|mobile|address|birth|gender|email).*");

  @Test
  void caseEventsHaveNoIdentityFields() {
    List<String> offending = new ArrayList<>();
    for (EventType type : EventCatalog.TYPES) {
      if (!type.baseName().startsWith("cn.yilianti.registry.")) {
        collect(type.payload(), type.payload().getSimpleName(), offending);
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void identityPatternWouldCatchAPatientNameField() {
    record Leaky(String patientName) {}
    List<String> offending = new ArrayList<>();
    collect(Leaky.class, "Leaky", offending);
    assertThat(offending).containsExactly("Leaky.patientName");
  }

  @Test
  void encodedSampleEventsContainNoChineseNamesOrIdCardNumbers() {
    for (PlatformEvent event : SampleEvents.all(true)) {
      if (event.topic().equals(Topics.HOSPITAL_REGISTRY)) {
        continue;
      }
      String json = EventCodec.encodeToString(SampleEvents.envelope(event));
      assertThat(json).doesNotContainPattern("\\d{17}[\\dXx]").doesNotContainPattern("\\p{IsHan}");
    }
  }

  private static void collect(Class<?> record, String path, List<String> offending) {
    for (RecordComponent c : record.getRecordComponents()) {
      String name = path + "." + c.getName();
      if (IDENTITY.matcher(c.getName()).matches()) {
        offending.add(name);
      }
      Class<?> nested = recordType(c.getGenericType());
      if (nested != null) {
        collect(nested, name, offending);
      }
    }
  }

  private static Class<?> recordType(Type type) {
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
}
