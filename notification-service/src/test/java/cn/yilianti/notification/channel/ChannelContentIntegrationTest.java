package cn.yilianti.notification.channel;

import static cn.yilianti.notification.support.Hospitals.contact;
import static cn.yilianti.notification.support.Hospitals.email;
import static cn.yilianti.notification.support.Hospitals.hospital;
import static cn.yilianti.notification.support.Hospitals.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.notification.support.IntegrationTestBase;
import cn.yilianti.notification.support.Receiver;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChannelContentIntegrationTest extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A mainland ID-card number or mobile number anywhere in a text. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<!\\d)(\\d{17}[\\dXx]|1[3-9]\\d{9})(?!\\d)");

  @Test
  void emailArrivesAsPlainTextAndHtmlInChineseWithTheCaseFactsAndNoPatientIdentity()
      throws Exception {
    String to = uniqueCode("TO");
    String address = "coordinator-" + to.toLowerCase() + "@to.test";
    register(
        hospital(to)
            .coordinator("mail", CoordinatorRole.COORDINATOR, "CARDIOLOGY", email(address))
            .build());
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.GREEN_CHANNEL, "CARDIOLOGY");

    publisher.publish(submitted(ref));

    MimeMessage mail = awaitMail(address);
    assertThat(mail.getSubject()).contains("绿色通道", "新转诊申请", ref.referralNumber());
    List<String> types = new ArrayList<>();
    String plain = "";
    String html = "";
    for (BodyPart part : parts((Multipart) mail.getContent())) {
      types.add(part.getContentType().toLowerCase());
      if (part.isMimeType("text/plain")) {
        plain = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    assertThat(types)
        .anyMatch(t -> t.startsWith("text/plain"))
        .anyMatch(t -> t.startsWith("text/html"));
    for (String body : List.of(plain, html)) {
      assertThat(body)
          .contains(
              ref.referralNumber(),
              "测试医院" + to,
              "CARDIOLOGY",
              "绿色通道",
              "pk-" + ref.referralNumber(),
              "/referrals/" + ref.referralId());
      assertThat(IDENTIFIER.matcher(body).find()).as("no ID-card or phone number").isFalse();
    }
    assertThat(html).contains("<a href=");
  }

  @Test
  void hospitalsConfiguredForEnglishGetTheEnglishTemplates() throws Exception {
    String to = "EN-TEST";
    String address = "coordinator-" + uniqueCode("en").toLowerCase() + "@to.test";
    register(
        hospital(to)
            .coordinator("english", CoordinatorRole.COORDINATOR, null, email(address))
            .build());
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.URGENT, null);

    publisher.publish(submitted(ref));

    MimeMessage mail = awaitMail(address);
    assertThat(mail.getSubject()).contains("[Urgent] New referral", ref.referralNumber());
  }

  @Test
  void groupRobotsGetTheirJsonFormatsAndTheSmsGatewayTheText() {
    String to = uniqueCode("TO");
    register(
        hospital(to)
            .coordinator(
                "phone", CoordinatorRole.COORDINATOR, null, contact(ChannelType.SMS, "13912345678"))
            .endpoint(ChannelType.WECOM, RECEIVER.url("/wecom/" + to))
            .endpoint(ChannelType.DINGTALK, RECEIVER.url("/dingtalk/" + to))
            .build());
    ReferralRef ref = referral(uniqueCode("FROM"), to, Priority.URGENT, "NEUROLOGY");

    publisher.publish(submitted(ref));

    JsonNode wecom = JSON.readTree(awaitOne("/wecom/" + to).body());
    assertThat(wecom.path("msgtype").asString()).isEqualTo("markdown");
    assertThat(wecom.at("/markdown/content").asString())
        .contains(ref.referralNumber(), "紧急", "NEUROLOGY", "pk-" + ref.referralNumber());
    JsonNode dingtalk = JSON.readTree(awaitOne("/dingtalk/" + to).body());
    assertThat(dingtalk.path("msgtype").asString()).isEqualTo("markdown");
    assertThat(dingtalk.at("/markdown/title").asString()).isEqualTo("新转诊申请");
    assertThat(dingtalk.at("/markdown/text").asString()).contains(ref.referralNumber());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        RECEIVER.accepted("/sms").stream()
                            .map(r -> JSON.readTree(r.body()))
                            .filter(b -> b.path("text").asString().contains(ref.referralNumber())))
                    .singleElement()
                    .satisfies(
                        sms -> {
                          assertThat(sms.path("to").asString()).isEqualTo("13912345678");
                          assertThat(IDENTIFIER.matcher(sms.path("text").asString()).find())
                              .isFalse();
                        }));
    for (String robot : List.of(wecom.toString(), dingtalk.toString())) {
      assertThat(IDENTIFIER.matcher(robot).find()).isFalse();
    }
  }

  private static Receiver.Request awaitOne(String path) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> RECEIVER.accepted(path), r -> r.size() == 1)
        .getFirst();
  }

  private static MimeMessage awaitMail(String address) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Arrays.stream(MAIL.getReceivedMessages()).filter(m -> sentTo(m, address)).toList(),
            list -> list.size() == 1)
        .getFirst();
  }

  private static boolean sentTo(MimeMessage message, String address) {
    try {
      Address[] to = message.getAllRecipients();
      return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private static List<BodyPart> parts(Multipart multipart) throws Exception {
    List<BodyPart> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        parts.addAll(parts(nested));
      } else {
        parts.add(part);
      }
    }
    return parts;
  }
}
