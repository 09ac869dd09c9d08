/**
 * Every service is a JWT resource server: tokens from the registry's issuer (or the hospital
 * group's own identity provider) carry the hospital code, department, roles and alliances.
 */
@NullMarked
package cn.yilianti.platform.security;

import org.jspecify.annotations.NullMarked;
