package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Priority;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Referral settings ({@code referral.*}).
 *
 * @param source CloudEvents source of the events this service publishes
 * @param zone time zone of the alliance, for referral numbers and days
 * @param answerDeadlines how long the receiving hospital has to answer, per priority
 */
@ConfigurationProperties("referral")
record ReferralProperties(URI source, ZoneId zone, AnswerDeadlines answerDeadlines) {

  record AnswerDeadlines(Duration greenChannel, Duration urgent, Duration routine) {

    Duration of(Priority priority) {
      return switch (priority) {
        case GREEN_CHANNEL -> greenChannel;
        case URGENT -> urgent;
        case ROUTINE -> routine;
      };
    }
  }
}
