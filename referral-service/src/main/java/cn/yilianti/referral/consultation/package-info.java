/** Remote consultations (远程会诊): requests, scheduling, reports, deadlines and their events. */
@NullMarked
package cn.yilianti.referral.consultation;

import org.jspecify.annotations.NullMarked;
