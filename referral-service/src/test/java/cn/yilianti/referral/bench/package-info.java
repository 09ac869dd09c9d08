/** Load driver for referral submissions and the outbox relay (run with -Pbenchmark). */
@NullMarked
package cn.yilianti.referral.bench;

import org.jspecify.annotations.NullMarked;
