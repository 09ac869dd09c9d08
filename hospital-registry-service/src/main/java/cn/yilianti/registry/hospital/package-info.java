/**
 * Member institutions: their model rules, the REST API, the change history and the events on the
 * compacted {@code hospital-registry} topic.
 */
@NullMarked
package cn.yilianti.registry.hospital;

import org.jspecify.annotations.NullMarked;
