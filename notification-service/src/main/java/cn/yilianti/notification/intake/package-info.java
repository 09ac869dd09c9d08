/** Consumes referral and consultation events and decides who is told what, once per event. */
@NullMarked
package cn.yilianti.notification.intake;

import org.jspecify.annotations.NullMarked;
