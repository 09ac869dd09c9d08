/** Runs the whole platform on one machine with only a JDK: the launcher behind deploy/local/run. */
@NullMarked
package cn.yilianti.local;

import org.jspecify.annotations.NullMarked;
