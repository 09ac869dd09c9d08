package cn.yilianti.indicator.projection;

import org.jspecify.annotations.Nullable;

/** The generation the live tables hold and, while a rebuild runs, the one being built. */
public record RebuildState(int generation, @Nullable Integer building) {}
