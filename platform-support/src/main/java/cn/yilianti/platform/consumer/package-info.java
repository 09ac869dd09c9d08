/** Idempotent consumers: an event's effect and its receipt commit in one transaction. */
@NullMarked
package cn.yilianti.platform.consumer;

import org.jspecify.annotations.NullMarked;
