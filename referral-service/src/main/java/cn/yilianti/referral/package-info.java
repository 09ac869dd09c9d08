/** Two-way referrals and remote consultations: the system of record for both. */
@NullMarked
package cn.yilianti.referral;

import org.jspecify.annotations.NullMarked;
