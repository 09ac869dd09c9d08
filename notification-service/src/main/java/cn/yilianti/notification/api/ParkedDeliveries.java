package cn.yilianti.notification.api;

import cn.yilianti.notification.api.Views.DeliveryView;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Retry-now for a parked delivery: back in the queue with a fresh run of attempts. */
@Service
class ParkedDeliveries {

  private final JdbcClient jdbc;
  private final NotificationQueries queries;
  private final Access access;

  ParkedDeliveries(JdbcClient jdbc, NotificationQueries queries, Access access) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.access = access;
  }

  @Transactional
  DeliveryView retry(long id, Caller caller) {
    DeliveryView delivery =
        queries
            .delivery(id)
            .filter(d -> access.sees(caller, d.hospital()))
            .orElseThrow(() -> ProblemException.notFound("delivery", id));
    int updated =
        jdbc.sql(
                """
                update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now()
                 where id = :id and status = 'PARKED'
                """)
            .param("id", id)
            .update();
    if (updated == 0) {
      throw ProblemException.conflict(
          "not-parked", "delivery " + id + " is " + delivery.status() + ", not PARKED");
    }
    return queries.delivery(id).orElseThrow();
  }
}
