/**
 * Built-in datasets and the plugin module that registers them: {@code mnist} (MNIST and
 * Fashion-MNIST, in {@link org.vaelab.plugins.data.mnist}).
 */
package org.vaelab.plugins.data;
