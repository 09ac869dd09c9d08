package cn.yilianti.events.registry;

/** Hospital grade, highest first; {@link #rank()} orders them for routing. */
public enum HospitalLevel {
  TERTIARY_A(6),
  TERTIARY_B(5),
  SECONDARY_A(4),
  SECONDARY_B(3),
  PRIMARY(2),
  UNRATED(1);

  private final int rank;

  HospitalLevel(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public boolean isAbove(HospitalLevel other) {
    return rank > other.rank;
  }
}
