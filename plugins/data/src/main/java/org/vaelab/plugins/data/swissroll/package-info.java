/**
 * The {@code swiss_roll} dataset: points on the classic two-dimensional manifold rolled up in three
 * dimensions, generated from the run's seed.
 */
package org.vaelab.plugins.data.swissroll;
