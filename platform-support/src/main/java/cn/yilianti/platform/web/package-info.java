/** RFC 9457 problem details for every error, naming the field and the rule that failed. */
@NullMarked
package cn.yilianti.platform.web;

import org.jspecify.annotations.NullMarked;
