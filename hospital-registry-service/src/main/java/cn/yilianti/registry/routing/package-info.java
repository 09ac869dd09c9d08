/** Who may refer to whom, from the registry's current state, using the platform's RoutingRules. */
@NullMarked
package cn.yilianti.registry.routing;

import org.jspecify.annotations.NullMarked;
