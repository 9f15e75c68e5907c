/**
 * Built-in datasets and the plugin module that registers them: {@code mnist} (MNIST and
 * Fashion-MNIST, in {@link org.vaelab.plugins.data.mnist}), {@code swiss_roll} (in
 * {@link org.vaelab.plugins.data.swissroll}) and {@code csv} (in {@link org.vaelab.plugins.data.csv}),
 * the last two sharing the splitting and scaling of {@link org.vaelab.plugins.data.table}.
 */
package org.vaelab.plugins.data;
