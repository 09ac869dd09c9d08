/** Referrals between member hospitals: submission, storage and their events. */
@NullMarked
package cn.yilianti.referral.referral;

import org.jspecify.annotations.NullMarked;
