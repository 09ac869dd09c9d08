/** Server-Sent Events live feed per coordinator. */
@NullMarked
package cn.yilianti.notification.feed;

import org.jspecify.annotations.NullMarked;
