package cn.yilianti.registry.web;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
    return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
  }
}
