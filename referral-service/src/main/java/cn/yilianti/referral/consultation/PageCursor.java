package cn.yilianti.referral.consultation;

import cn.yilianti.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Position after the last item of a page: opaque to clients (base64url of time and id). */
record PageCursor(Instant requestedAt, UUID id) {

  static PageCursor after(Consultation last) {
    return new PageCursor(last.requestedAt(), last.id());
  }

  String encode() {
    String raw = requestedAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new PageCursor(
          Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ProblemException.invalid(
          "cursor", "format", "must be a nextCursor value from an earlier page");
    }
  }
}
