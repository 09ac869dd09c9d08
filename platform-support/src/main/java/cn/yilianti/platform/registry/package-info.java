/**
 * Each service's local copy of the hospital registry, read from the compacted {@code
 * hospital-registry} topic and kept in the service's database so it works while the registry (or
 * Kafka) is down.
 */
@NullMarked
package cn.yilianti.platform.registry;

import org.jspecify.annotations.NullMarked;
