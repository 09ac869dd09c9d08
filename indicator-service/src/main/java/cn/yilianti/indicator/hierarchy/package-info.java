/** The registry's hierarchy as the indicators see it: alliances, provinces, parents. */
@NullMarked
package cn.yilianti.indicator.hierarchy;

import org.jspecify.annotations.NullMarked;
