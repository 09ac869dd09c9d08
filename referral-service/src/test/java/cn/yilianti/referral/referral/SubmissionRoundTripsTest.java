package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.referral.TestRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Counts the database round trips of one {@code POST /api/v1/referrals} on the request's thread
 * (statements executed, commits and rollbacks), so a change that adds one shows here. The relay,
 * the registry consumer and the sweeps run on other threads and are not counted.
 */
@Import(SubmissionRoundTripsTest.Counting.class)
class SubmissionRoundTripsTest extends ReferralIntegrationTest {

  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  @Test
  void submissionWithoutIdempotencyKey() {
    List<String> calls = roundTrips(Map.of());
    System.out.println("Round trips of a submission: " + calls.size() + " " + calls);
    assertThat(calls).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void submissionWithIdempotencyKey() {
    List<String> calls = roundTrips(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    System.out.println("Round trips with Idempotency-Key: " + calls.size() + " " + calls);
    // the claim (its own commit), then number + duplicates, the write, the stored answer and one
    // commit for the effect and its answer together
    assertThat(calls).hasSizeLessThanOrEqualTo(5);
  }

  private List<String> roundTrips(Map<String, String> headers) {
    Map<String, Object> body = ReferralRequests.upward();
    submit(his(TestRegistry.COUNTY), body); // warm-up: first use of every statement
    body.put("patientKey", "pk-" + UUID.randomUUID());
    CALLS.clear();
    String[] extra =
        headers.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new);
    var response = his(TestRegistry.COUNTY).post("/api/v1/referrals", body, extra);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return CALLS.stream().filter(c -> c.startsWith("tomcat")).toList();
  }

  /** Wraps the pool so every statement execution, commit and rollback is recorded. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Counting {

    private static final Set<String> EXECUTE =
        Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && name.equals("dataSource")
              ? proxy(DataSource.class, ds, Counting::dataSource)
              : bean;
        }
      };
    }

    private static Object dataSource(Object target, Method m, Object[] args) throws Throwable {
      Object result = invoke(target, m, args);
      return result instanceof Connection c
          ? proxy(Connection.class, c, Counting::connection)
          : result;
    }

    private static Object connection(Object target, Method m, Object[] args) throws Throwable {
      Connection c = (Connection) target;
      if ((m.getName().equals("commit") || m.getName().equals("rollback")) && !c.getAutoCommit()) {
        record(m.getName());
      }
      Object result = invoke(target, m, args);
      if (result instanceof Statement s) {
        String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : "";
        Class<?> type =
            s instanceof java.sql.CallableStatement
                ? java.sql.CallableStatement.class
                : s instanceof java.sql.PreparedStatement
                    ? java.sql.PreparedStatement.class
                    : Statement.class;
        return proxy(
            type,
            s,
            (t, sm, sargs) -> {
              if (EXECUTE.contains(sm.getName())) {
                record(
                    sql.isEmpty() && sargs != null && sargs.length > 0 ? (String) sargs[0] : sql);
              }
              return invoke(t, sm, sargs);
            });
      }
      return result;
    }

    private static void record(String what) {
      String sql = what.strip().replaceAll("\\s+", " ");
      CALLS.add(
          Thread.currentThread().getName() + ": " + sql.substring(0, Math.min(60, sql.length())));
    }

    private interface Call {
      Object call(Object target, Method m, Object[] args) throws Throwable;
    }

    private static Object proxy(Class<?> type, Object target, Call call) {
      InvocationHandler handler = (p, m, args) -> call.call(target, m, args);
      return Proxy.newProxyInstance(
          Counting.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
