package cn.yilianti.platform.logging;

import ch.qos.logback.classic.PatternLayout;
import java.util.List;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes every Logback pattern's message conversion the masking one, before Spring Boot configures
 * logging (registered in {@code META-INF/spring.factories}); structured JSON logs get the same
 * through {@link MaskingJsonMembersCustomizer}.
 */
class MaskingLogConfiguration implements ApplicationListener<ApplicationStartingEvent> {

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    install();
  }

  static void install() {
    for (String word : List.of("m", "msg", "message")) {
      PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, MaskedMessageConverter::new);
    }
  }
}
