/**
 * What datasets of 8-bit grey levels share: their dequantization for continuous likelihoods.
 */
package org.vaelab.plugins.data.grey;
