/** Infrastructure every service shares, as Spring Boot auto-configurations. */
@NullMarked
package cn.yilianti.platform;

import org.jspecify.annotations.NullMarked;
