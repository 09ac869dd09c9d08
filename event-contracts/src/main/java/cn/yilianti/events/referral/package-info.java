/**
 * Events of the two-way referral lifecycle, published on {@code referral-up} and {@code
 * referral-down}.
 */
@NullMarked
package cn.yilianti.events.referral;

import org.jspecify.annotations.NullMarked;
