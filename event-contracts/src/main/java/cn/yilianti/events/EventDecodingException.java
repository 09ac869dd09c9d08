package cn.yilianti.events;

/**
 * A record that cannot be read as a platform event; consumers send it to their dead-letter topic.
 */
public final class EventDecodingException extends RuntimeException {

  /** Why the record was refused; exported as a metric tag. */
  public enum Reason {
    MALFORMED,
    UNKNOWN_TYPE,
    UNSUPPORTED_VERSION,
    INVALID
  }

  private final Reason reason;

  public EventDecodingException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public EventDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
