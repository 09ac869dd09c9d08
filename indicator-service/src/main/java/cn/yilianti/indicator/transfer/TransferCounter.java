package cn.yilianti.indicator.transfer;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.consumer.ProcessedEvents;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts one referral event exactly once: the receipt and the count commit together. */
@Service
class TransferCounter {

  static final String CONSUMER = "indicator-transfer-count";

  private final ProcessedEvents processed;
  private final TransferCountRepository counts;
  private final ZoneId zone;

  TransferCounter(
      ProcessedEvents processed,
      TransferCountRepository counts,
      @Value("${indicator.zone:Asia/Shanghai}") ZoneId zone) {
    this.processed = processed;
    this.counts = counts;
    this.zone = zone;
  }

  @Transactional
  void count(CloudEvent<ReferralEvent> event) {
    ReferralStage stage = event.data().stage();
    if (stage == null || !processed.firstDelivery(CONSUMER, event.id())) {
      return;
    }
    counts.increment(event.data().referral(), stage, event.time().atZone(zone).toLocalDate());
  }
}
