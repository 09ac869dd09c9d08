/**
 * The alliance, its member hospitals, routing rules and credentials: the platform's source of
 * truth.
 */
@NullMarked
package cn.yilianti.registry;

import org.jspecify.annotations.NullMarked;
