package cn.yilianti.referral.referral;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** A referral's version as a strong entity tag, and back from {@code If-Match}. */
final class ETags {

  /** Matches no version: an {@code If-Match} that names none of ours fails with 412. */
  private static final int NO_VERSION = -1;

  static String of(int version) {
    return "\"" + version + "\"";
  }

  /** The version {@code If-Match} expects, or null when absent or {@code *}. */
  static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Integer.parseInt(tag);
    } catch (NumberFormatException e) {
      return NO_VERSION;
    }
  }

  /** 200 with the body and the version as its entity tag. */
  static <T> ResponseEntity<T> ok(int version, T body) {
    return ResponseEntity.ok().eTag(of(version)).body(body);
  }

  private ETags() {}
}
