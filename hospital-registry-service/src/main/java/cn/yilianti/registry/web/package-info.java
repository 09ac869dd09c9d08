/** HTTP conventions of the registry API: pages, entity tags, problem answers for security. */
@NullMarked
package cn.yilianti.registry.web;

import org.jspecify.annotations.NullMarked;
