package cn.yilianti.registry.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every token issued leaves an authorization row; rows whose tokens and codes have all expired (an
 * hour ago, to be safe) are deleted so the table does not grow with every HIS call.
 */
@Component
class ExpiredAuthorizationCleanup {

  private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizationCleanup.class);
  private final JdbcClient jdbc;

  ExpiredAuthorizationCleanup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(
      fixedDelayString = "${registry.identity.cleanup-interval:PT10M}",
      initialDelay = 60_000)
  void deleteExpired() {
    int deleted =
        jdbc.sql(
                """
                delete from oauth2_authorization
                 where coalesce(access_token_expires_at, authorization_code_expires_at)
                         < now() - interval '1 hour'
                   and (refresh_token_expires_at is null
                        or refresh_token_expires_at < now() - interval '1 hour')
                """)
            .update();
    if (deleted > 0) {
      log.info("Deleted {} expired authorizations", deleted);
    }
  }
}
