package cn.yilianti.registry.web;

import cn.yilianti.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Query parameters that take several enum values, repeated or comma-separated. */
public final class Params {

  public static <E extends Enum<E>> List<E> enums(
      String name, @Nullable List<String> values, Class<E> type) {
    List<E> result = new ArrayList<>();
    if (values == null) {
      return result;
    }
    for (String value : values) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          result.add(Enum.valueOf(type, part.trim()));
        } catch (IllegalArgumentException e) {
          throw ProblemException.invalid(
              name, "enum", "Must be one of " + Arrays.toString(type.getEnumConstants()));
        }
      }
    }
    return result;
  }

  private Params() {}
}
