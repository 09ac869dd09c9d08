/** Answer deadlines per priority, the sweep that escalates and expires, and their metrics. */
@NullMarked
package cn.yilianti.referral.deadline;

import org.jspecify.annotations.NullMarked;
