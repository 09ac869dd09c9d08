package cn.yilianti.notification.notice;

import java.util.List;
import java.util.UUID;

/** Published inside the writing transaction; listeners act after it commits. */
public record NotificationsCreated(List<UUID> notificationIds) {}
