/** Upward and downward transfer counts per hospital, counterpart, stage, priority and day. */
@NullMarked
package cn.yilianti.indicator.transfer;

import org.jspecify.annotations.NullMarked;
