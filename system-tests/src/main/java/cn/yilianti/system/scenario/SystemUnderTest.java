package cn.yilianti.system.scenario;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.local.postgres.PostgresServer;
import cn.yilianti.local.process.ChildProcess;
import cn.yilianti.system.traffic.Target;
import cn.yilianti.system.traffic.TrafficMix;
import cn.yilianti.system.truth.Exactness;
import cn.yilianti.system.truth.IndicatorDatabase;
import cn.yilianti.system.truth.IndicatorReadout;
import cn.yilianti.system.truth.ReferralDatabase;
import cn.yilianti.test.PlatformProcesses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform under test as separate processes, with what the scenarios need around it: the
 * driver's target, the truth in referral-service's database, the exactness check, and the process
 * ids for memory and CPU figures.
 */
public final class SystemUnderTest implements AutoCloseable {

  private final PlatformProcesses platform;
  private final Target target;

  private SystemUnderTest(PlatformProcesses platform) {
    this.platform = platform;
    this.target =
        new Target(
            platform.platform().settings().baseUrl(ServiceKind.REFERRAL),
            platform.platform().settings().baseUrl(ServiceKind.INDICATOR),
            platform.credentials());
  }

  public static SystemUnderTest start(String prefix, List<String> serviceArgs) {
    return new SystemUnderTest(PlatformProcesses.start(prefix, serviceArgs));
  }

  public static SystemUnderTest start(
      String prefix, List<String> serviceArgs, PostgresServer postgres) {
    return new SystemUnderTest(PlatformProcesses.start(prefix, serviceArgs, postgres));
  }

  public PlatformProcesses platform() {
    return platform;
  }

  public Target target() {
    return target;
  }

  public PostgresServer postgres() {
    return platform.platform().postgres();
  }

  public String database(ServiceKind kind) {
    return platform.platform().settings().database(kind);
  }

  public ReferralDatabase referralDatabase() {
    return new ReferralDatabase(postgres(), database(ServiceKind.REFERRAL));
  }

  public Exactness exactness(TrafficMix mix) {
    Set<String> hospitals = new TreeSet<>();
    mix.routes()
        .forEach(
            r -> {
              hospitals.add(r.fromHospital());
              hospitals.add(r.toHospital());
            });
    return new Exactness(
        referralDatabase(),
        new IndicatorReadout(target.indicatorUrl(), () -> target.credentials().user("ops")),
        new IndicatorDatabase(postgres(), database(ServiceKind.INDICATOR)),
        hospitals);
  }

  /** Process ids of the services and the broker that are running now. */
  public Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (ServiceKind kind : ServiceKind.values()) {
      ChildProcess child = platform.platform().service(kind);
      if (child != null && child.isAlive()) {
        pids.put(kind.module(), child.pid());
      }
    }
    long kafka = platform.platform().kafka().pid();
    if (kafka > 0) {
      pids.put("kafka", kafka);
    }
    return pids;
  }

  @Override
  public void close() {
    platform.close();
  }
}
