/** What the service knows of a referral or consultation, and who is told about it. */
@NullMarked
package cn.yilianti.notification.notice;

import org.jspecify.annotations.NullMarked;
