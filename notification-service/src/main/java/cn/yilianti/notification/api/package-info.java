/**
 * Delivery status and history, parked deliveries, retries, acknowledgements and webhook secrets.
 */
@NullMarked
package cn.yilianti.notification.api;

import org.jspecify.annotations.NullMarked;
