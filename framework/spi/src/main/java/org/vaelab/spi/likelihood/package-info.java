/** Likelihoods p(x|z): normalised log-densities in nats and the decoder outputs they need. */
package org.vaelab.spi.likelihood;
