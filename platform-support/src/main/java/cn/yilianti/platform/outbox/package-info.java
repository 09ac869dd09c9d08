/** Transactional outbox: events written with the state change, relayed to Kafka after commit. */
@NullMarked
package cn.yilianti.platform.outbox;

import org.jspecify.annotations.NullMarked;
