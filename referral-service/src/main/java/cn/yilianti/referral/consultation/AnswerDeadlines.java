package cn.yilianti.referral.consultation;

import cn.yilianti.events.referral.Priority;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the receiving hospital has to schedule or decline a consultation, per priority: the same
 * {@code referral.answer-deadlines} that referrals follow.
 */
@ConfigurationProperties("referral.answer-deadlines")
record AnswerDeadlines(Duration greenChannel, Duration urgent, Duration routine) {

  Duration of(Priority priority) {
    return switch (priority) {
      case GREEN_CHANNEL -> greenChannel;
      case URGENT -> urgent;
      case ROUTINE -> routine;
    };
  }
}
