package cn.yilianti.indicator.projection;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.EventCodec;
import cn.yilianti.events.EventDecodingException;
import cn.yilianti.events.PlatformEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Handles one polled batch. The events before a poison record are committed first; the poison
 * record is then reported by index, so the error handler commits the offsets before it, sends it to
 * the dead-letter topic and redelivers the rest: the partition keeps flowing. When the batch fails
 * for another reason, each event is retried in its own transaction to find the one at fault.
 */
@Component
class EventBatchHandler {

  private final Projector projector;
  private final CountedEvents listener;

  EventBatchHandler(Projector projector, CountedEvents listener) {
    this.projector = projector;
    this.listener = listener;
  }

  void handle(List<byte[]> records) {
    List<CloudEvent<PlatformEvent>> events = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        events.add(EventCodec.decode(records.get(i)));
      } catch (EventDecodingException e) {
        apply(events);
        throw new BatchListenerFailedException(e.getMessage(), e, i);
      }
    }
    apply(events);
  }

  private void apply(List<CloudEvent<PlatformEvent>> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      listener.counted(projector.applyLive(events));
    } catch (RuntimeException batchFailure) {
      for (int i = 0; i < events.size(); i++) {
        try {
          listener.counted(projector.applyLive(List.of(events.get(i))));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException(e.getMessage(), e, i);
        }
      }
    }
  }
}
