/**
 * What datasets of feature rows share: the three splits of a table and per-column scaling fitted
 * on the training split only and applied to all three.
 */
package org.vaelab.plugins.data.table;
