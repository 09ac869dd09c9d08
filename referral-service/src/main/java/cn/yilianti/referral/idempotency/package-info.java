/**
 * Idempotency-Key on every POST of the API: a HIS that retries after a time-out gets the first
 * answer again instead of a second referral or consultation.
 */
@NullMarked
package cn.yilianti.referral.idempotency;

import org.jspecify.annotations.NullMarked;
