package cn.yilianti.system.scenario;

import cn.yilianti.system.harness.Timeline;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Progress lines on standard output while a run goes, so a long run shows it is alive. */
public final class Progress {

  public static void say(String line) {
    System.out.println("[system " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    System.out.flush();
  }

  /** Prints the last complete second of {@code timeline} every five seconds until interrupted. */
  public static Thread ticker(String label, Timeline timeline) {
    return Thread.ofPlatform()
        .daemon()
        .name("progress")
        .start(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  Thread.sleep(5000);
                } catch (InterruptedException e) {
                  return;
                }
                List<Timeline.Second> seconds = timeline.seconds();
                if (seconds.size() > 1) {
                  Timeline.Second s = seconds.get(seconds.size() - 2);
                  say(
                      "%s t=%ds: %d ok/s, %d failed/s, p50 %.0f ms, p99 %.0f ms"
                          .formatted(
                              label, s.second(), s.ok(), s.failed(), s.p50Millis(), s.p99Millis()));
                }
              }
            });
  }

  private Progress() {}
}
