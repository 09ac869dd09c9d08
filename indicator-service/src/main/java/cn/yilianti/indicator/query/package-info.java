/** The indicator queries: per hospital, alliance and province, for any period. */
@NullMarked
package cn.yilianti.indicator.query;

import org.jspecify.annotations.NullMarked;
