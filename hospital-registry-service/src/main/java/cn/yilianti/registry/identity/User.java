package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff account (coordinator, alliance manager, operator); never shown with its password. {@code
 * alliances} are the alliances a manager manages (others get their hospital's).
 */
public record User(
    String username,
    Set<Role> roles,
    @Nullable String hospitalCode,
    @Nullable String department,
    List<String> alliances,
    boolean enabled,
    Instant createdAt,
    String createdBy) {}
