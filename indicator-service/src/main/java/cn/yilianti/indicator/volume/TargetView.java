package cn.yilianti.indicator.volume;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Target against actual; {@code source} DERIVED (from events and volumes) or REPORTED. */
public record TargetView(
    String hospital,
    int year,
    String indicator,
    BigDecimal target,
    Target.Better better,
    @Nullable BigDecimal actual,
    String source,
    @Nullable Boolean met) {}
