package cn.yilianti.registry.importing;

/** What to do when some rows are bad. */
public enum ImportMode {
  /** Import nothing unless every row is good (the default). */
  ALL_OR_NOTHING,
  /** Import the good rows and report the bad ones. */
  GOOD_ROWS
}
