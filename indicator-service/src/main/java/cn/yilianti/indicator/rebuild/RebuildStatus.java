package cn.yilianti.indicator.rebuild;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Progress of the last rebuild; {@code generation} is the one the live tables hold. */
public record RebuildStatus(
    String status,
    int generation,
    @Nullable Integer building,
    long targetRecords,
    long doneRecords,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String message) {}
