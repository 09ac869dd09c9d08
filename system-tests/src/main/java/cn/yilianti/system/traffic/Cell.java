package cn.yilianti.system.traffic;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One indicator count: cases a hospital sent in one direction (UP, DOWN, or CONSULTATION) that
 * entered a stage on a day (alliance time zone).
 */
public record Cell(String hospital, String direction, String stage, LocalDate day)
    implements Comparable<Cell> {

  private static final Comparator<Cell> ORDER =
      Comparator.comparing(Cell::hospital)
          .thenComparing(Cell::direction)
          .thenComparing(Cell::stage)
          .thenComparing(Cell::day);

  /** The same cell without its day, for APIs that give totals since counting began. */
  public Cell total() {
    return new Cell(hospital, direction, stage, LocalDate.EPOCH);
  }

  @Override
  public int compareTo(Cell other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return hospital
        + " "
        + direction
        + " "
        + stage
        + (day.equals(LocalDate.EPOCH) ? " (all days)" : " " + day);
  }
}
