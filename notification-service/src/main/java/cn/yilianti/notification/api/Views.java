package cn.yilianti.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response bodies of the notification API. */
final class Views {

  /** Everything the service told about one case, to the hospitals the caller may see. */
  record CaseDeliveries(
      UUID caseId,
      String caseType,
      String number,
      String priority,
      int escalationLevel,
      @Nullable Instant escalationDueAt,
      @Nullable String escalationStopped,
      List<NotificationView> notifications) {}

  record NotificationView(
      UUID id,
      UUID eventId,
      String eventType,
      Instant eventTime,
      String hospital,
      String recipient,
      @Nullable String recipientName,
      @Nullable String role,
      int escalationLevel,
      boolean needsAck,
      @Nullable Instant acknowledgedAt,
      @Nullable String acknowledgedBy,
      List<DeliveryView> deliveries) {}

  record DeliveryView(
      long id,
      UUID messageId,
      String hospital,
      String channel,
      String address,
      String status,
      int attempts,
      Instant nextAttemptAt,
      @Nullable String lastError,
      @Nullable Instant deliveredAt,
      List<AttemptView> history) {}

  record AttemptView(
      int attempt, String outcome, long latencyMs, @Nullable String error, Instant attemptedAt) {}

  /** One endpoint of a hospital: open, sent and parked deliveries and the last failure. */
  record EndpointStatus(
      String channel,
      String address,
      long pending,
      long sent,
      long parked,
      @Nullable String lastError,
      @Nullable Instant lastAttemptAt) {}

  record HospitalStatus(String hospital, List<EndpointStatus> endpoints) {}

  record Acknowledged(UUID id, Instant acknowledgedAt, String acknowledgedBy) {}

  record SecretRequest(@Nullable String secret) {}

  record SecretSet(String hospital, @Nullable String generatedSecret) {}

  private Views() {}
}
