/**
 * What datasets of feature rows share: the sizes of the train, validation and test splits from
 * two fractions, and per-column scaling fitted on the training split only and applied to all three.
 */
package org.vaelab.plugins.data.table;
