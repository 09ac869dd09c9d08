/** Events of remote consultations (远程会诊), published on {@code consultation}. */
@NullMarked
package cn.yilianti.events.consultation;

import org.jspecify.annotations.NullMarked;
