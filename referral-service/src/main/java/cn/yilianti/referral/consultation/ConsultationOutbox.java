package cn.yilianti.referral.consultation;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.consultation.ConsultationEvent;
import cn.yilianti.platform.outbox.OutboxWriter;
import java.net.URI;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes consultation events to the outbox (topic {@code consultation}, key = consultation id). */
@Component
class ConsultationOutbox {

  private final OutboxWriter outbox;
  private final URI source;

  ConsultationOutbox(OutboxWriter outbox, @Value("${referral.source}") URI source) {
    this.outbox = outbox;
    this.source = source;
  }

  void append(ConsultationEvent event, Instant at) {
    outbox.append(CloudEvent.of(source, event, at));
  }
}
