/**
 * The projection of the referral and consultation topics: counts per hospital, counterpart,
 * direction or type, stage, priority and day, answer times and the event log, written once per
 * event in the transaction that records the event's receipt.
 */
@NullMarked
package cn.yilianti.indicator.projection;

import org.jspecify.annotations.NullMarked;
