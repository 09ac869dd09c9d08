package cn.yilianti.registry.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import as its owner sees it while it runs and after: progress ({@code processedRows} of {@code
 * totalRows}), what it did, and every bad row. {@code sameFileAs} names an earlier import of the
 * very same bytes.
 */
public record ImportJob(
    UUID id,
    String alliance,
    String format,
    ImportMode mode,
    String fileSha256,
    ImportStatus status,
    @Nullable Integer totalRows,
    int validatedRows,
    int processedRows,
    int percent,
    int created,
    int updated,
    int unchanged,
    int rejected,
    List<RowError> errors,
    @Nullable String failure,
    @Nullable UUID sameFileAs,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant finishedAt) {}
