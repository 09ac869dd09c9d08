package cn.yilianti.system.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resident memory and CPU time of a process, from /proc (Linux). */
public record ProcessStats(long rssBytes, double cpuSeconds) {

  private static final double TICKS_PER_SECOND = 100.0;

  public static Optional<ProcessStats> of(long pid) {
    try {
      long rssKb = 0;
      for (String line : Files.readAllLines(Path.of("/proc", "" + pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      String stat = Files.readString(Path.of("/proc", "" + pid, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Optional.of(new ProcessStats(rssKb * 1024, ticks / TICKS_PER_SECOND));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * CPU use between two samples taken {@code seconds} apart, as a share of one core (1.0 = 100%).
   */
  public double cpuSince(ProcessStats earlier, double seconds) {
    return seconds <= 0 ? 0 : (cpuSeconds - earlier.cpuSeconds) / seconds;
  }
}
