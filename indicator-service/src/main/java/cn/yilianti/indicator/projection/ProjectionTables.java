package cn.yilianti.indicator.projection;

/**
 * One set of projection tables: the live one, or the one a rebuild fills ({@code _next}) before it
 * is swapped in.
 */
public record ProjectionTables(String suffix) {

  public static final ProjectionTables LIVE = new ProjectionTables("");
  public static final ProjectionTables NEXT = new ProjectionTables("_next");

  public static final java.util.List<String> NAMES =
      java.util.List.of("transfer_count", "consultation_count", "answer_time", "event_log");

  public String transferCount() {
    return "transfer_count" + suffix;
  }

  public String consultationCount() {
    return "consultation_count" + suffix;
  }

  public String answerTime() {
    return "answer_time" + suffix;
  }

  public String eventLog() {
    return "event_log" + suffix;
  }

  /** The receipts of a generation: each generation of tables counts every event once. */
  public static String consumer(int generation) {
    return "indicator-projection-" + generation;
  }
}
