package cn.yilianti.referral.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the filter after Spring Security's chain (order -100), so the caller is known, and
 * deletes keys older than the retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyStore store, PlatformTransactionManager transactions) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(
            new IdempotencyFilter(store, new TransactionTemplate(transactions)));
    registration.setOrder(0);
    registration.addUrlPatterns("/api/v1/*");
    return registration;
  }

  @Bean
  IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
    return new IdempotencyCleanup(store, properties);
  }

  /** Deletes keys past the retention; every replica may run it, deletes are idempotent. */
  static class IdempotencyCleanup {
    private final IdempotencyStore store;
    private final IdempotencyProperties properties;

    IdempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
      this.store = store;
      this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${referral.idempotency.cleanup-interval:10m}")
    void scheduledCleanup() {
      cleanup();
    }

    int cleanup() {
      int deleted = store.deleteOlderThan(properties.retention());
      if (deleted > 0) {
        log.info("Deleted {} idempotency keys older than {}", deleted, properties.retention());
      }
      return deleted;
    }
  }
}
