/** Finds a PostgreSQL server (environment, local, embedded) and manages databases on it. */
@NullMarked
package cn.yilianti.local.postgres;

import org.jspecify.annotations.NullMarked;
