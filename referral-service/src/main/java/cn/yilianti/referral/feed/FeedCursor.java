package cn.yilianti.referral.feed;

import cn.yilianti.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A position in the feed: the writing transaction and the row's sequence number, opaque to clients.
 */
record FeedCursor(long txId, long seq) {

  static final FeedCursor START = new FeedCursor(0, 0);

  static FeedCursor parse(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
      return new FeedCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw ProblemException.invalid("after", "cursor", "must be a cursor this feed returned");
    }
  }

  String format() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((txId + "." + seq).getBytes(StandardCharsets.US_ASCII));
  }
}
