/** Who is calling (from the bearer token) and what they may read or change in the registry. */
@NullMarked
package cn.yilianti.registry.security;

import org.jspecify.annotations.NullMarked;
