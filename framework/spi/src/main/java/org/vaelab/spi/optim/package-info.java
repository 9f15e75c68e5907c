/** Optimizers: the ND4J updater that applies gradients. */
package org.vaelab.spi.optim;
