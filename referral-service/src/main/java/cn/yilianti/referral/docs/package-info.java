/** The OpenAPI 3.1 document of the service, served with Swagger UI. */
@NullMarked
package cn.yilianti.referral.docs;

import org.jspecify.annotations.NullMarked;
