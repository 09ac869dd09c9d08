/** Proof of deploy/: queries against a live Prometheus, promtool, manifests, images. */
@NullMarked
package cn.yilianti.deploy;

import org.jspecify.annotations.NullMarked;
