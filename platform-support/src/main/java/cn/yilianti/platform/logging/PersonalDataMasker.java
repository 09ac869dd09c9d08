package cn.yilianti.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks resident ID-card numbers (18 characters, GB 11643) and mainland mobile numbers in free
 * text, keeping just enough to tell records apart: {@code 110105********123X}, {@code 138****5678}.
 */
public final class PersonalDataMasker {

  private static final Pattern ID_CARD =
      Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

  public static @Nullable String mask(@Nullable String text) {
    if (text == null || text.length() < 11) {
      return text;
    }
    String masked = replace(ID_CARD, text, "********");
    return replace(MOBILE, masked, "****");
  }

  private static String replace(Pattern pattern, String text, String middle) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + middle + m.group(2)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  private PersonalDataMasker() {}
}
