/** Hospital volume statistics, targets and the yearly table (the seed's Table 1). */
@NullMarked
package cn.yilianti.indicator.volume;

import org.jspecify.annotations.NullMarked;
