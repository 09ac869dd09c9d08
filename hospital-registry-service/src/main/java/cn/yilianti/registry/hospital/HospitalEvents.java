package cn.yilianti.registry.hospital;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.Topics;
import cn.yilianti.platform.outbox.OutboxWriter;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Publishes a hospital's full current state (or a tombstone) on the compacted topic through the
 * outbox, in the transaction of the change.
 */
@Component
class HospitalEvents {

  static final URI SOURCE = URI.create("/hospital-registry-service");

  private final OutboxWriter outbox;
  private final HospitalMapper mapper;

  HospitalEvents(OutboxWriter outbox, HospitalMapper mapper) {
    this.outbox = outbox;
    this.mapper = mapper;
  }

  void changed(Hospital hospital, Instant at) {
    outbox.append(CloudEvent.of(SOURCE, mapper.toEvent(hospital), at));
  }

  void removed(String code) {
    outbox.appendTombstone(Topics.HOSPITAL_REGISTRY, code, UUID.randomUUID());
  }
}
