/** Live, exact two-way transfer indicators per member hospital, alliance and period. */
@NullMarked
package cn.yilianti.indicator;

import org.jspecify.annotations.NullMarked;
