package cn.yilianti.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.test.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@SpringBootTest
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataMaskingTest {

  @Test
  void masksIdCardAndMobileNumbersAndLeavesOtherNumbersAlone() {
    assertThat(PersonalDataMasker.mask("身份证 11010519900307123X，电话 13812345678。"))
        .isEqualTo("身份证 110105********123X，电话 138****5678。");
    assertThat(PersonalDataMasker.mask("id 511623198805061234 ok"))
        .isEqualTo("id 511623********1234 ok");
    assertThat(
            PersonalDataMasker.mask(
                "referral 0190f5d2-7c1e-7000-8000-000000000001 at 1732300000123"))
        .isEqualTo("referral 0190f5d2-7c1e-7000-8000-000000000001 at 1732300000123");
    assertThat(PersonalDataMasker.mask("R20261124-000001 seq 12345678901234567890"))
        .isEqualTo("R20261124-000001 seq 12345678901234567890");
  }

  @Test
  void logLinesOfAServiceNeverShowTheNumbers(CapturedOutput output) {
    LoggerFactory.getLogger("cn.yilianti.referral.Test")
        .warn("patient id {} phone {}", "110105199003071234", "13912345678");

    assertThat(output.getOut() + output.getErr())
        .contains("patient id 110105********1234 phone 139****5678")
        .doesNotContain("110105199003071234")
        .doesNotContain("13912345678");
  }

  @Test
  void structuredLogLinesAreMaskedToo() {
    JsonWriter<String> writer =
        JsonWriter.of(
            members -> {
              members.add("message", message -> message);
              new MaskingJsonMembersCustomizer().customize(castMembers(members));
            });

    assertThat(writer.writeToString("call 13812345678 about 11010519900307123X"))
        .isEqualTo("{\"message\":\"call 138****5678 about 110105********123X\"}");
  }

  @SuppressWarnings("unchecked")
  private static JsonWriter.Members<Object> castMembers(JsonWriter.Members<String> members) {
    return (JsonWriter.Members<Object>) (JsonWriter.Members<?>) members;
  }
}
