/**
 * PIPL safety net: ID-card numbers and mobile numbers are masked in every log line, plain or
 * structured, whatever code logged them.
 */
@NullMarked
package cn.yilianti.platform.logging;

import org.jspecify.annotations.NullMarked;
