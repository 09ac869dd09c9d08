/** Who may read and change which referral: the authorisation matrix of issue 4, item 8. */
@NullMarked
package cn.yilianti.referral.access;

import org.jspecify.annotations.NullMarked;
