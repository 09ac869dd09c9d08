/**
 * Topics declared with their partitions and retention, created by whichever service starts first.
 */
@NullMarked
package cn.yilianti.platform.kafka;

import org.jspecify.annotations.NullMarked;
