package cn.yilianti.local;

/** The four services: module name, database and default port. */
public enum ServiceKind {
  REGISTRY("hospital-registry-service", "registry_service", 8082),
  REFERRAL("referral-service", "referral_service", 8081),
  INDICATOR("indicator-service", "indicator_service", 8083),
  NOTIFICATION("notification-service", "notification_service", 8084);

  private final String module;
  private final String database;
  private final int defaultPort;

  ServiceKind(String module, String database, int defaultPort) {
    this.module = module;
    this.database = database;
    this.defaultPort = defaultPort;
  }

  public String module() {
    return module;
  }

  public String database() {
    return database;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** Environment variable that overrides the port, e.g. {@code REFERRAL_PORT}. */
  public String portVariable() {
    return name() + "_PORT";
  }
}
