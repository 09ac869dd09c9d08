package cn.yilianti.notification.feed;

import cn.yilianti.notification.notice.NotificationsCreated;
import cn.yilianti.platform.security.Caller;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events per coordinator: after a notification commits, every open stream of its
 * hospital (and department, where both are set) gets it once per event. Best effort and local to
 * this replica; the API's history is the durable record.
 */
@Component
class LiveFeed {

  private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

  private final JdbcClient jdbc;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

  LiveFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Subscriber(String hospital, @Nullable String department, SseEmitter emitter) {

    boolean wants(FeedItem item) {
      return hospital.equals(item.hospital())
          && (department == null
              || item.department() == null
              || department.equals(item.department()));
    }
  }

  SseEmitter subscribe(Caller caller, String hospital) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    Subscriber subscriber = new Subscriber(hospital, caller.department(), emitter);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(e -> subscribers.remove(subscriber));
    subscribers.add(subscriber);
    try {
      emitter.send(SseEmitter.event().name("ready").data("subscribed", MediaType.TEXT_PLAIN));
    } catch (IOException e) {
      subscribers.remove(subscriber);
    }
    return emitter;
  }

  int subscribers() {
    return subscribers.size();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(NotificationsCreated created) {
    if (!subscribers.isEmpty()) {
      sender.execute(() -> publish(created.notificationIds()));
    }
  }

  private void publish(List<UUID> ids) {
    List<FeedItem> items = items(ids);
    for (Subscriber subscriber : subscribers) {
      items.stream()
          .filter(subscriber::wants)
          .collect(Collectors.toMap(FeedItem::eventId, i -> i, (a, b) -> a))
          .values()
          .forEach(item -> send(subscriber, item));
    }
  }

  private void send(Subscriber subscriber, FeedItem item) {
    try {
      subscriber
          .emitter()
          .send(
              SseEmitter.event()
                  .id(item.id().toString())
                  .name(item.eventType())
                  .data(item, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException e) {
      subscribers.remove(subscriber);
    }
  }

  private List<FeedItem> items(List<UUID> ids) {
    return jdbc.sql(
            """
            select n.id, n.event_id, n.event_type, n.hospital, n.department, c.case_type,
                   c.case_id, c.case_number, c.priority, c.from_hospital, c.to_hospital,
                   c.to_department, c.answer_deadline, c.patient_key, n.escalation_level,
                   n.needs_ack
              from notification n join notice_case c on c.case_id = n.case_id
             where n.id = any(:ids) and n.recipient like 'coordinator:%'
             order by n.created_at
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (rs, n) ->
                new FeedItem(
                    rs.getObject("id", UUID.class),
                    rs.getObject("event_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getString("hospital"),
                    rs.getString("department"),
                    rs.getString("case_type"),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("case_number"),
                    rs.getString("priority"),
                    rs.getString("from_hospital"),
                    rs.getString("to_hospital"),
                    rs.getString("to_department"),
                    rs.getTimestamp("answer_deadline").toInstant(),
                    rs.getString("patient_key"),
                    rs.getInt("escalation_level"),
                    rs.getBoolean("needs_ack")))
        .list();
  }
}
