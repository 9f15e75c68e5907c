/**
 * The VAE as a SameDiff graph, its training loop and the evaluation of the ELBO and its terms.
 */
package org.vaelab.core.train;
