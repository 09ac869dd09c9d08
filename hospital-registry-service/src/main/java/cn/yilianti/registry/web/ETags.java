package cn.yilianti.registry.web;

import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Entity tags are the quoted revision ({@code "7"}). Changes require {@code If-Match}: a missing
 * one is 428, a stale one 412 naming the current tag; {@code *} matches any revision.
 */
public final class ETags {

  public static String of(long revision) {
    return "\"" + revision + "\"";
  }

  /** The revision the client expects, or null for {@code *}; 428 when the header is missing. */
  public static @Nullable Long expectedRevision(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
              HttpStatus.PRECONDITION_REQUIRED,
              "precondition-required",
              "Send If-Match with the ETag of the version you read")
          .with(
              "errors",
              List.of(new FieldProblem("If-Match", "required", "The header is required")));
    }
    String value = ifMatch.trim();
    if (value.equals("*")) {
      return null;
    }
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "etag", "must be an ETag such as \"3\" or *");
    }
  }

  /** 412 unless {@code expected} is null ({@code *}) or the current revision. */
  public static void requireCurrent(@Nullable Long expected, long current, String what) {
    if (expected != null && expected != current) {
      throw new ProblemException(
              HttpStatus.PRECONDITION_FAILED,
              "stale-version",
              what
                  + " changed since you read it: your ETag is "
                  + of(expected)
                  + ", current is "
                  + of(current))
          .with("currentETag", of(current));
    }
  }

  private ETags() {}
}
