/**
 * Built-in datasets and the plugin module that registers them: {@code mnist} (MNIST and
 * Fashion-MNIST, in {@link org.vaelab.plugins.data.mnist}), {@code binarized_mnist} (in
 * {@link org.vaelab.plugins.data.binarized}), {@code npy} (in {@link org.vaelab.plugins.data.npy}),
 * {@code swiss_roll} (in {@link org.vaelab.plugins.data.swissroll}) and {@code csv} (in
 * {@link org.vaelab.plugins.data.csv}), the last two sharing the scaling of
 * {@link org.vaelab.plugins.data.table}; every one sizes its splits with
 * {@link org.vaelab.plugins.data.split}.
 */
package org.vaelab.plugins.data;
