/**
 * The figures a run writes after training ({@link org.vaelab.core.artifacts.Figures}): image grids
 * of reconstructions, prior samples, latent traversals, interpolations (PNG and animated GIF) and
 * the 2-D manifold; scatter plots of the latent space and, for feature vectors, of data against
 * reconstructions and samples; and training curves from {@code metrics.csv}. Plots are drawn with
 * XChart, images written through javax.imageio. The maths they need lives here too: the inverse
 * normal CDF ({@link org.vaelab.core.artifacts.NormalQuantile}) and principal components
 * ({@link org.vaelab.core.artifacts.PrincipalComponents}).
 */
package org.vaelab.core.artifacts;
