package cn.yilianti.referral.deadline;

import cn.yilianti.referral.deadline.OverdueReferrals.Labels;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every replica sweeps on its own schedule; the database decides who handles which referral (see
 * {@link OverdueReferrals}), so deadlines survive restarts and never fire twice.
 */
@Component
class DeadlineSweep {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

  private final OverdueReferrals overdue;
  private final DeadlineMetrics metrics;
  private final DeadlineProperties properties;

  DeadlineSweep(OverdueReferrals overdue, DeadlineMetrics metrics, DeadlineProperties properties) {
    this.overdue = overdue;
    this.metrics = metrics;
    this.properties = properties;
  }

  @Scheduled(
      fixedDelayString = "${referral.answer-deadlines.sweep-interval:10s}",
      initialDelayString = "${referral.answer-deadlines.sweep-interval:10s}")
  void sweep() {
    try {
      List<Labels> passed;
      do {
        passed = overdue.passDeadlines(properties.batchSize());
        passed.forEach(metrics::deadlinePassed);
      } while (passed.size() == properties.batchSize());
      int expired;
      do {
        expired = overdue.expire(properties.expireAfter(), properties.batchSize());
      } while (expired == properties.batchSize());
      metrics.refresh(overdue.backlog());
    } catch (RuntimeException e) {
      log.warn(
          "Answer-deadline sweep failed, next one in {}: {}",
          properties.sweepInterval(),
          e.toString());
    }
  }
}
