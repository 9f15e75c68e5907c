/**
 * Built-in model families: {@code vae}, the ELBO of Kingma and Welling 2014 with the spec's KL
 * weighting, and {@code iwae}, the importance-weighted bound of Burda et al. 2016; and the plugin
 * module that registers them.
 */
package org.vaelab.plugins.families;
