package cn.yilianti.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yilianti.events.EventDecodingException.Reason;
import cn.yilianti.events.fixtures.SampleEvents;
import cn.yilianti.events.referral.ReferralSubmitted;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void roundTripsEveryEventType() {
    for (boolean full : new boolean[] {true, false}) {
      for (PlatformEvent data : SampleEvents.all(full)) {
        CloudEvent<PlatformEvent> event = SampleEvents.envelope(data);
        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
      }
    }
  }

  @Test
  void envelopeNamesTypeVersionSubjectAndSchema() {
    PlatformEvent data = SampleEvents.all(true).getFirst();
    CloudEvent<PlatformEvent> event = SampleEvents.envelope(data);
    assertThat(event.type()).isEqualTo("cn.yilianti.referral.submitted.v1");
    assertThat(event.subject()).isEqualTo(data.key());
    assertThat(event.dataschema())
        .hasToString("urn:yilianti:schema:cn.yilianti.referral.submitted.v1");
    assertThat(CloudEventHeaders.of(event))
        .containsEntry(CloudEventHeaders.TYPE, event.type())
        .containsEntry(CloudEventHeaders.SUBJECT, data.key())
        .containsEntry(CloudEventHeaders.ID, event.id().toString());
  }

  @Test
  void refusesWhatIsNotJson() {
    assertReason("{\"type\": ", Reason.MALFORMED);
    assertReason("[1,2]", Reason.MALFORMED);
    assertThatThrownBy(() -> EventCodec.decode(new byte[0]))
        .isInstanceOfSatisfying(
            EventDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void refusesUnknownTypesAndUnknownVersions() {
    String json =
        EventCodec.encodeToString(SampleEvents.envelope(SampleEvents.all(true).getFirst()));
    assertReason(
        json.replace("referral.submitted.v1", "referral.teleported.v1"), Reason.UNKNOWN_TYPE);
    assertReason(
        json.replace("referral.submitted.v1", "referral.submitted.v2"), Reason.UNSUPPORTED_VERSION);
    assertReason(
        json.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""),
        Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void refusesAnEventWithoutARequiredField() {
    String json =
        EventCodec.encodeToString(SampleEvents.envelope(SampleEvents.all(true).getFirst()));
    assertReason(json.replace("\"diagnosisCode\":\"I21.4\",", ""), Reason.INVALID);
    assertReason(json.replace("\"toHospital\":\"CQMU-2\",", ""), Reason.INVALID);
  }

  @Test
  void decodesToTheRequestedPayloadTypeOnly() {
    byte[] json = EventCodec.encode(SampleEvents.envelope(SampleEvents.all(true).getFirst()));
    assertThat(EventCodec.decode(json, ReferralSubmitted.class).data().diagnosisCode())
        .isEqualTo("I21.4");
    assertThatThrownBy(
            () -> EventCodec.decode(json, cn.yilianti.events.registry.HospitalStateChanged.class))
        .isInstanceOf(EventDecodingException.class);
  }

  private static void assertReason(String json, Reason reason) {
    assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            EventDecodingException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
