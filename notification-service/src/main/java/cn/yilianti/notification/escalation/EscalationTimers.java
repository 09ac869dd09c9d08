package cn.yilianti.notification.escalation;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation timer of each case, stored on its {@code notice_case} row so that it survives
 * restarts and fires on one replica only. A stopped timer never restarts.
 */
@Repository
public class EscalationTimers {

  private final JdbcClient jdbc;

  EscalationTimers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Arms the timer {@code after} from now unless it is running, stopped or already climbed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void arm(UUID caseId, Duration after) {
    jdbc.sql(
            """
            update notice_case set escalation_due_at = now() + :ms * interval '1 millisecond'
             where case_id = :id and escalation_stopped is null and escalation_due_at is null
               and escalation_level = 0
            """)
        .param("ms", after.toMillis())
        .param("id", caseId)
        .update();
  }

  /** The answer deadline passed: climb now, unless the ladder is already being climbed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void fireNow(UUID caseId) {
    jdbc.sql(
            """
            update notice_case set escalation_due_at = now()
             where case_id = :id and escalation_stopped is null and escalation_level = 0
            """)
        .param("id", caseId)
        .update();
  }

  /** Stops the timer for good: the case was answered, withdrawn or acknowledged. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void stop(UUID caseId, String reason) {
    jdbc.sql(
            """
            update notice_case set escalation_due_at = null, escalation_stopped = :reason
             where case_id = :id and escalation_stopped is null
            """)
        .param("reason", reason)
        .param("id", caseId)
        .update();
  }
}
