/**
 * The {@code binarized_mnist} dataset: the fixed binarisation of MNIST of Larochelle and Murray
 * (2011), read from its published {@code .amat} text files.
 */
package org.vaelab.plugins.data.binarized;
