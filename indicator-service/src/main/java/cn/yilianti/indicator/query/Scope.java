package cn.yilianti.indicator.query;

import java.util.Set;

/**
 * The hospitals a figure is summed over: one hospital (with its subordinates), an alliance, a
 * province.
 */
record Scope(String kind, String code, Set<String> hospitals) {}
