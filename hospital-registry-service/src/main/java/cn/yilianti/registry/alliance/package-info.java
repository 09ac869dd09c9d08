/** Alliances (医联体 / 医共体) the member institutions belong to. */
@NullMarked
package cn.yilianti.registry.alliance;

import org.jspecify.annotations.NullMarked;
