package cn.yilianti.registry.web;

/** What a code (hospital, alliance, department, client) may look like in the registry. */
public final class Codes {

  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";
  public static final String MESSAGE = "must be letters, digits, '.', '_' or '-'";

  private Codes() {}
}
