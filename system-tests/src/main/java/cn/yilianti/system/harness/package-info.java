/**
 * The system-proof harness: load at a set rate, per-second timeline, process statistics, pgbench
 * baseline and the Markdown report with its plots.
 */
@NullMarked
package cn.yilianti.system.harness;

import org.jspecify.annotations.NullMarked;
