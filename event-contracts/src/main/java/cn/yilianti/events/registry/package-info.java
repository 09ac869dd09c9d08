/**
 * The registry's compacted {@code hospital-registry} topic: one hospital's full current state per
 * key.
 */
@NullMarked
package cn.yilianti.events.registry;

import org.jspecify.annotations.NullMarked;
