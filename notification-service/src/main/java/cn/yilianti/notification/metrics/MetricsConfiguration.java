package cn.yilianti.notification.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  NotificationMetrics notificationMetrics(MeterRegistry registry) {
    return new NotificationMetrics(registry);
  }

  @Bean
  NotificationGauges notificationGauges(JdbcClient jdbc, MeterRegistry registry) {
    return new NotificationGauges(jdbc, registry);
  }

  /** Of Resilience4j's circuit-breaker meters only the state is part of the metrics contract. */
  @Bean
  MeterFilter onlyCircuitBreakerState() {
    return MeterFilter.deny(
        id ->
            id.getName().startsWith("resilience4j.")
                && !id.getName().equals("resilience4j.circuitbreaker.state"));
  }
}
