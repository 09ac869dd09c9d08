package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.notification.delivery.OutgoingMessage;
import cn.yilianti.notification.notice.CaseNotice;
import cn.yilianti.notification.notice.CaseType;
import cn.yilianti.platform.registry.HospitalDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the Chinese or English templates under {@code templates/<language>/}. Only case facts go
 * in: hospitals, department, priority, deadline, number, link and the pseudonymous patient key;
 * events never carry a patient's name, ID-card number or phone, so no template can show one.
 */
@Component
public class ContentRenderer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final HospitalDirectory directory;
  private final ContentProperties properties;
  private final Map<String, Language> languages = new LinkedHashMap<>();

  ContentRenderer(HospitalDirectory directory, ContentProperties properties) {
    this.directory = directory;
    this.properties = properties;
    for (String language : new String[] {"zh", "en"}) {
      languages.put(language, Language.load(language));
    }
  }

  public Content render(OutgoingMessage message) {
    String language = properties.languageOf(message.hospital());
    Language l = languages.get(language);
    Map<String, String> values = values(message, l, language);
    return new Content(
        language,
        values.get("title"),
        fill(l.subject, values, UnaryOperator.identity()).strip(),
        fill(l.text, values, UnaryOperator.identity()),
        fill(l.html, values, HtmlUtils::htmlEscape),
        fill(l.markdown, values, UnaryOperator.identity()),
        fill(l.sms, values, UnaryOperator.identity()).strip());
  }

  /** The link to the case in the console. */
  public String link(CaseNotice notice) {
    String path = notice.caseType() == CaseType.REFERRAL ? "/referrals/" : "/consultations/";
    return properties.linkBase() + path + notice.caseId();
  }

  private Map<String, String> values(OutgoingMessage m, Language l, String language) {
    CaseNotice c = m.notice();
    String none = l.label("none");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", l.label(m.eventType()));
    values.put("number", c.caseNumber());
    values.put("caseType", l.label(c.caseType().name()));
    values.put("priority", l.label(c.priority().name()));
    values.put("from", hospital(c.fromHospital(), language));
    values.put("to", hospital(c.toHospital(), language));
    String department = department(m, c);
    values.put("department", department == null ? none : department);
    values.put("deadline", TIME.format(c.answerDeadline()));
    values.put("patientKey", c.patientKey() == null ? none : c.patientKey());
    values.put(
        "escalation",
        m.escalationLevel() > 0
            ? l.label("escalation").replace("{level}", Integer.toString(m.escalationLevel()))
            : "");
    values.put("link", link(c));
    return values;
  }

  private static @Nullable String department(OutgoingMessage m, CaseNotice c) {
    return m.hospital().equals(c.fromHospital()) && c.fromDepartment() != null
        ? c.fromDepartment()
        : c.toDepartment();
  }

  private String hospital(String code, String language) {
    return directory.find(code).map(h -> name(h, language) + " (" + code + ")").orElse(code);
  }

  private static String name(HospitalStateChanged h, String language) {
    return "en".equals(language) ? h.nameEn() : h.nameZh();
  }

  private static String fill(
      String template, Map<String, String> values, UnaryOperator<String> escape) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), "");
      matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private record Language(
      Properties labels, String subject, String text, String html, String markdown, String sms) {

    static Language load(String language) {
      Properties labels = new Properties();
      try (InputStream in = resource(language, "labels.properties")) {
        labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Language(
          labels,
          text(language, "subject.txt"),
          text(language, "text.txt"),
          text(language, "body.html"),
          text(language, "markdown.md"),
          text(language, "sms.txt"));
    }

    String label(String key) {
      return labels.getProperty(key, key);
    }

    private static String text(String language, String file) {
      try (InputStream in = resource(language, file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream resource(String language, String file) throws IOException {
      InputStream in =
          ContentRenderer.class.getResourceAsStream("/templates/" + language + "/" + file);
      if (in == null) {
        throw new IOException("missing template " + language + "/" + file);
      }
      return in;
    }
  }
}
