package cn.yilianti.notification.notice;

import cn.yilianti.events.registry.Contact;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who is told: a coordinator ({@code coordinator:<id>}) or a hospital's systems ({@code
 * hospital:<code>}), with the contacts to reach them on. Only coordinators acknowledge.
 */
public record Recipient(
    String key,
    String hospital,
    @Nullable String name,
    @Nullable String role,
    @Nullable String department,
    boolean needsAck,
    List<Contact> contacts) {}
