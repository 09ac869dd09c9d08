package cn.yilianti.registry.importing;

import org.jspecify.annotations.Nullable;

/**
 * One problem of one row: the line in the file where the row starts, the hospital code if the row
 * has one, the column (or JSON field) and the rule it broke.
 */
public record RowError(
    int line, @Nullable String code, String field, String rule, String message) {}
