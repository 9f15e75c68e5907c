/**
 * Evaluation beyond the ELBO: the importance-weighted estimate of log p(x) and the per-dimension
 * statistics of the latent code (KL per dimension, active units), both after Burda, Grosse and
 * Salakhutdinov 2016, "Importance Weighted Autoencoders".
 */
package org.vaelab.core.eval;
