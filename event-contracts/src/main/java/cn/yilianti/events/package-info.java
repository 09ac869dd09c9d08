/** Topics, the CloudEvents envelope and the event records every service agrees on. */
@NullMarked
package cn.yilianti.events;

import org.jspecify.annotations.NullMarked;
