/** The notification metrics of deploy/grafana/METRICS.md. */
@NullMarked
package cn.yilianti.notification.metrics;

import org.jspecify.annotations.NullMarked;
