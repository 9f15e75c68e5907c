/**
 * The {@code mnist} dataset: MNIST digits or Fashion-MNIST, read from the four IDX files
 * (gzipped or not) that both are distributed as, optionally downloaded from mirrors into a
 * checked cache, and optionally binarised.
 */
package org.vaelab.plugins.data.mnist;
