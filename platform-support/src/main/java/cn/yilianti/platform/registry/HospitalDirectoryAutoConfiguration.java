package cn.yilianti.platform.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The local hospital directory, in services that set {@code
 * platform.registry.directory.enabled=true}; its health component is {@code hospitalDirectory} (add
 * it to the readiness group where referrals cannot be checked without it).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration"
    })
@ConditionalOnProperty(name = "platform.registry.directory.enabled", havingValue = "true")
public class HospitalDirectoryAutoConfiguration {

  @Bean
  DirectorySnapshot directorySnapshot(JdbcClient jdbc) {
    return new DirectorySnapshot(jdbc);
  }

  @Bean
  KafkaHospitalDirectory hospitalDirectory(KafkaProperties kafka, DirectorySnapshot snapshot) {
    return new KafkaHospitalDirectory(kafka.buildConsumerProperties(), snapshot);
  }

  @Bean
  HealthIndicator hospitalDirectoryHealthIndicator(KafkaHospitalDirectory directory) {
    return () ->
        (directory.isReady() ? Health.up() : Health.outOfService())
            .withDetail("hospitals", directory.size())
            .withDetail("lastUpdate", directory.lastUpdate().toString())
            .build();
  }

  @Bean
  MeterBinder hospitalDirectoryMetrics(KafkaHospitalDirectory directory) {
    return registry -> {
      Gauge.builder("registry.directory.hospitals", directory, KafkaHospitalDirectory::size)
          .description("Hospitals in this service's copy of the registry")
          .register(registry);
      Gauge.builder(
              "registry.directory.last.update.age",
              directory,
              d -> Duration.between(d.lastUpdate(), Instant.now()).toSeconds())
          .description("Seconds since the registry copy last changed")
          .baseUnit("seconds")
          .register(registry);
    };
  }
}
