/** A real Kafka broker in KRaft mode, in its own process, from Maven Central jars. */
@NullMarked
package cn.yilianti.local.kafka;

import org.jspecify.annotations.NullMarked;
