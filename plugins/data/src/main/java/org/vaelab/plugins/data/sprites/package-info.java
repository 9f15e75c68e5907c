/**
 * The {@code sprites} dataset: binary 64x64 images of a square, an ellipse or a heart on the
 * factor grid of dSprites (Matthey et al. 2017), rendered by VAELab, each with its factors.
 */
package org.vaelab.plugins.data.sprites;
