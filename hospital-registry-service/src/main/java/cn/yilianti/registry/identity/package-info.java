/**
 * The registry as the platform's local OAuth2 / OpenID Connect issuer: HIS clients
 * (client-credentials, hashed rotatable and revocable secrets), staff users with roles, their
 * personal clients for scripts, signing keys and the claims every resource server reads.
 */
@NullMarked
package cn.yilianti.registry.identity;

import org.jspecify.annotations.NullMarked;
