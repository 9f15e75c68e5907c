/**
 * Built-in optimizers, each an ND4J updater with a learning-rate schedule (in
 * {@link org.vaelab.plugins.optim.schedule}) and optional gradient clipping: {@code adam},
 * {@code sgd} (plain or Nesterov) and {@code rmsprop}, and the plugin module that registers them.
 */
package org.vaelab.plugins.optim;
