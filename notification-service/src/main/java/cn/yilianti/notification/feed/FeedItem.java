package cn.yilianti.notification.feed;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One notification as the coordinator console shows it. */
record FeedItem(
    UUID id,
    UUID eventId,
    String eventType,
    String hospital,
    @Nullable String department,
    String caseType,
    UUID caseId,
    String number,
    String priority,
    String fromHospital,
    String toHospital,
    @Nullable String toDepartment,
    Instant answerDeadline,
    @Nullable String patientKey,
    int escalationLevel,
    boolean needsAck) {}
