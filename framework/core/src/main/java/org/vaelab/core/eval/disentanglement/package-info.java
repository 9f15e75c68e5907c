/**
 * Disentanglement metrics: how well a model's codes line up with the ground-truth factors that
 * generated its data, each computed as its paper and Locatello et al.'s disentanglement_lib
 * (Locatello et al. 2019, "Challenging Common Assumptions in the Unsupervised Learning of
 * Disentangled Representations", https://github.com/google-research/disentanglement_lib) define
 * it, on the codes (posterior means) of a pool of examples whose factors are known
 * ({@link org.vaelab.core.eval.disentanglement.FactorCodes}).
 */
package org.vaelab.core.eval.disentanglement;
