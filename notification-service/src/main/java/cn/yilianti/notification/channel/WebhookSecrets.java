package cn.yilianti.notification.channel;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signing secrets per hospital, kept in this service's database only (never on Kafka). OPS sets
 * them over the API; {@code notification.webhook.secrets.<hospital>} seeds the ones not set yet.
 */
@Repository
public class WebhookSecrets implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final Seed seed;

  WebhookSecrets(JdbcClient jdbc, Seed seed) {
    this.jdbc = jdbc;
    this.seed = seed;
  }

  public Optional<String> find(String hospital) {
    return jdbc.sql("select secret from webhook_secret where hospital = :h")
        .param("h", hospital)
        .query(String.class)
        .optional();
  }

  public void put(String hospital, String secret) {
    WebhookSignature.key(secret);
    jdbc.sql(
            """
            insert into webhook_secret (hospital, secret) values (:h, :s)
            on conflict (hospital) do update set secret = excluded.secret, updated_at = now()
            """)
        .param("h", hospital)
        .param("s", secret)
        .update();
  }

  @Override
  public void run(ApplicationArguments args) {
    seed.secrets()
        .forEach(
            (hospital, secret) -> {
              WebhookSignature.key(secret);
              jdbc.sql(
                      """
                      insert into webhook_secret (hospital, secret) values (:h, :s)
                      on conflict (hospital) do nothing
                      """)
                  .param("h", hospital)
                  .param("s", secret)
                  .update();
            });
  }

  /** Secrets from configuration, by hospital code. */
  @ConfigurationProperties("notification.webhook")
  record Seed(Map<String, String> secrets) {
    Seed {
      secrets = secrets == null ? Map.of() : secrets;
    }
  }
}
