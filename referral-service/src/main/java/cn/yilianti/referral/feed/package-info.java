/**
 * The changes feed: every status change a caller may see, for an HIS catching up after downtime.
 */
@NullMarked
package cn.yilianti.referral.feed;

import org.jspecify.annotations.NullMarked;
