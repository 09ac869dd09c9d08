package cn.yilianti.events.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Staff who answer referrals; {@code role} places them on the escalation ladder. */
public record Coordinator(
    String id,
    String name,
    CoordinatorRole role,
    @Nullable String department,
    List<Contact> contacts) {}
