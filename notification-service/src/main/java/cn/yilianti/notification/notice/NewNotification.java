package cn.yilianti.notification.notice;

import java.time.Instant;
import java.util.UUID;

/** One event (or escalation step) to be told to one recipient. */
public record NewNotification(
    UUID eventId, String eventType, Instant eventTime, int escalationLevel, Recipient recipient) {}
