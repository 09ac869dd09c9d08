/** Defaults every service runs with: actuator, probes, problem details, graceful shutdown. */
@NullMarked
package cn.yilianti.platform.config;

import org.jspecify.annotations.NullMarked;
