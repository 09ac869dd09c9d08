package cn.yilianti.indicator.volume;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A target for one indicator and year; {@code better} says which way is good. {@code actual} is for
 * indicators the platform cannot derive (e.g. outpatient satisfaction); for derived ones it is
 * ignored.
 */
public record Target(
    @NotNull BigDecimal target, @NotNull Better better, @Nullable BigDecimal actual) {

  /** Which way an indicator improves. */
  public enum Better {
    HIGHER,
    LOWER
  }
}
