/** Built-in likelihoods: {@code bernoulli}. */
package org.vaelab.plugins.likelihood;
