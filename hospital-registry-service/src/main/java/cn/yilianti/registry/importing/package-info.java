/**
 * Bulk import of an alliance's members from CSV or JSON: every row validated, every bad row
 * reported with its line and field, all or nothing (default) or the good rows, progress while it
 * runs, and no change at all when the same file comes again.
 */
@NullMarked
package cn.yilianti.registry.importing;

import org.jspecify.annotations.NullMarked;
