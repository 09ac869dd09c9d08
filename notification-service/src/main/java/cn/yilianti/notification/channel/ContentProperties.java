package cn.yilianti.notification.channel;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message content: the console link base ({@code <link-base>/referrals/<id>}), the default language
 * ({@code zh} or {@code en}) and a language per receiving hospital code.
 */
@ConfigurationProperties("notification.content")
public record ContentProperties(
    @DefaultValue("http://127.0.0.1:8084/console") String linkBase,
    @DefaultValue("zh") String defaultLanguage,
    Map<String, String> languages) {

  public ContentProperties {
    languages = languages == null ? Map.of() : languages;
  }

  String languageOf(String hospital) {
    String language = languages.getOrDefault(hospital, defaultLanguage);
    return "en".equals(language) ? "en" : "zh";
  }
}
