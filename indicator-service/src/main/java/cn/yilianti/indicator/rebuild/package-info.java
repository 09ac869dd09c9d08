/**
 * Rebuilds the projection from the topics into fresh tables while the live ones keep answering,
 * then swaps them in one transaction.
 */
@NullMarked
package cn.yilianti.indicator.rebuild;

import org.jspecify.annotations.NullMarked;
