package cn.yilianti.registry.alliance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An alliance as stored and shown. */
public record Alliance(
    String code,
    String nameZh,
    String nameEn,
    AllianceKind kind,
    @Nullable String description,
    long revision,
    Instant createdAt,
    Instant updatedAt) {}
