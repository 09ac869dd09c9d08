/**
 * Real PostgreSQL and Kafka for integration tests: containers when Docker is available, else the
 * local or an embedded PostgreSQL and an in-process KRaft broker. The same tests run in both modes.
 */
@NullMarked
package cn.yilianti.test;

import org.jspecify.annotations.NullMarked;
