package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationAnswerDeadlinePassed;
import cn.yilianti.events.consultation.ConsultationStage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes ConsultationAnswerDeadlinePassed once for each request nobody scheduled or declined in
 * time. The deadline is stored with the row, so it survives restarts; rows are claimed with {@code
 * FOR UPDATE SKIP LOCKED} and flagged in the same transaction as the event, so N replicas sweeping
 * at once never publish it twice.
 */
@Component
class ConsultationDeadlineSweep {

  static final String ACTOR = "system:answer-deadline";
  private static final int BATCH = 200;

  private final ConsultationRepository consultations;
  private final ConsultationHistoryRepository history;
  private final ConsultationOutbox outbox;
  private final ConsultationMapper mapper;
  private final TransactionTemplate tx;
  private final Clock clock = Clock.systemUTC();

  ConsultationDeadlineSweep(
      ConsultationRepository consultations,
      ConsultationHistoryRepository history,
      ConsultationOutbox outbox,
      ConsultationMapper mapper,
      TransactionTemplate tx) {
    this.consultations = consultations;
    this.history = history;
    this.outbox = outbox;
    this.mapper = mapper;
    this.tx = tx;
  }

  @Scheduled(
      fixedDelayString = "${referral.consultation.deadline-sweep-interval:15s}",
      initialDelayString = "${referral.consultation.deadline-sweep-interval:15s}")
  void sweep() {
    while (sweepBatch() == BATCH) {
      // A full batch: more may be due.
    }
  }

  /** Flags and publishes one batch of overdue requests; returns how many. */
  int sweepBatch() {
    Integer count =
        tx.execute(
            status -> {
              Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
              var due = consultations.lockOverdue(now, BATCH);
              for (Consultation c : due) {
                consultations.flagDeadlinePassed(c.id(), now);
                history.append(
                    c.id(),
                    new HistoryEntry(
                        "ANSWER_DEADLINE_PASSED",
                        ConsultationStage.REQUESTED,
                        ConsultationStage.REQUESTED,
                        ACTOR,
                        null,
                        null,
                        null,
                        now));
                outbox.append(new ConsultationAnswerDeadlinePassed(mapper.toRef(c)), now);
              }
              return due.size();
            });
    return count == null ? 0 : count;
  }
}
