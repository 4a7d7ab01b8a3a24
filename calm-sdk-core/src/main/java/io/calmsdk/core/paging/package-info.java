/**
 * Lazy paged collections: iterate items or pages without loading everything into memory.
 */
package io.calmsdk.core.paging;
