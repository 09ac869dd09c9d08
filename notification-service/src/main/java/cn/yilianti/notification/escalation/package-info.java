/**
 * The escalation ladder: coordinator, department head, medical affairs, until someone acknowledges.
 */
@NullMarked
package cn.yilianti.notification.escalation;

import org.jspecify.annotations.NullMarked;
