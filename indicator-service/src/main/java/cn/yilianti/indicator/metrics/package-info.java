/** Business metrics for Grafana (names fixed by deploy/grafana/METRICS.md). */
@NullMarked
package cn.yilianti.indicator.metrics;

import org.jspecify.annotations.NullMarked;
