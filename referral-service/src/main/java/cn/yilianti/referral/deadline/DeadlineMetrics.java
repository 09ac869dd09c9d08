package cn.yilianti.referral.deadline;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.referral.deadline.OverdueReferrals.Backlog;
import cn.yilianti.referral.deadline.OverdueReferrals.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code referral_unanswered} and {@code referral_unanswered_overdue} (gauges read from the
 * database, the same on every replica, 0 for every known label set with nothing waiting) and {@code
 * referral_answer_deadline_passed_total} (counted by the replica that emitted the event).
 */
@Component
class DeadlineMetrics {

  private final MeterRegistry registry;
  private final HospitalDirectory directory;
  private final MultiGauge unanswered;
  private final MultiGauge overdue;
  private final Set<Labels> known = ConcurrentHashMap.newKeySet();

  DeadlineMetrics(MeterRegistry registry, HospitalDirectory directory) {
    this.registry = registry;
    this.directory = directory;
    this.unanswered =
        MultiGauge.builder("referral.unanswered")
            .description("Submitted referrals not answered yet")
            .register(registry);
    this.overdue =
        MultiGauge.builder("referral.unanswered.overdue")
            .description("Unanswered referrals past their answer deadline")
            .register(registry);
  }

  void deadlinePassed(Labels labels) {
    Counter.builder("referral.answer.deadline.passed")
        .description("Answer-deadline-passed events emitted")
        .tags(tags(labels))
        .register(registry)
        .increment();
  }

  void refresh(List<Backlog> backlog) {
    Map<Labels, Backlog> now = new HashMap<>();
    backlog.forEach(b -> now.put(b.labels(), b));
    known.addAll(now.keySet());
    directory.all().stream()
        .flatMap(h -> h.memberships().stream())
        .map(m -> m.allianceCode())
        .distinct()
        .forEach(this::know);
    List<MultiGauge.Row<?>> unansweredRows = new ArrayList<>();
    List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
    for (Labels labels : known) {
      Backlog b = now.get(labels);
      unansweredRows.add(MultiGauge.Row.of(tags(labels), b == null ? 0 : b.unanswered()));
      overdueRows.add(MultiGauge.Row.of(tags(labels), b == null ? 0 : b.overdue()));
    }
    unanswered.register(unansweredRows, true);
    overdue.register(overdueRows, true);
  }

  private void know(String alliance) {
    for (Direction direction : Direction.values()) {
      for (Priority priority : Priority.values()) {
        known.add(new Labels(alliance, direction, priority));
      }
    }
  }

  private static Tags tags(Labels labels) {
    return Tags.of(
        "alliance", labels.alliance(),
        "direction", labels.direction().name(),
        "priority", labels.priority().name());
  }
}
