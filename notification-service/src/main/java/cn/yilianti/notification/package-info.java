/** Tells coordinators and HIS systems about referrals at once, reliably, with escalation. */
@NullMarked
package cn.yilianti.notification;

import org.jspecify.annotations.NullMarked;
