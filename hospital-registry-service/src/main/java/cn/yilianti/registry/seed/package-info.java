/**
 * Seed data for the local run: both alliances of the domain brief, their hospitals (named and
 * synthetic) and demo credentials, loaded at start when {@code registry.seed.enabled=true}.
 */
@NullMarked
package cn.yilianti.registry.seed;

import org.jspecify.annotations.NullMarked;
