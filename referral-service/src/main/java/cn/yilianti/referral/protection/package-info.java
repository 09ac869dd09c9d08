/** Patient identity: encrypted at rest (AES-256-GCM) and masked in every ordinary response. */
@NullMarked
package cn.yilianti.referral.protection;

import org.jspecify.annotations.NullMarked;
