/** The channels: signed webhooks, email, WeCom and DingTalk group robots, SMS. */
@NullMarked
package cn.yilianti.notification.channel;

import org.jspecify.annotations.NullMarked;
