/**
 * The durable delivery worker: claims due deliveries, sends them through resilient channels,
 * retries and parks.
 */
@NullMarked
package cn.yilianti.notification.delivery;

import org.jspecify.annotations.NullMarked;
