/**
 * Built-in KL schedules: {@code beta} (constant weight), {@code capacity} (Burgess et al. 2018),
 * {@code warmup} (linear annealing), {@code cyclical} (Fu et al. 2019) and {@code free_bits}
 * (Kingma et al. 2016), and the plugin module that registers them.
 */
package org.vaelab.plugins.kl;
