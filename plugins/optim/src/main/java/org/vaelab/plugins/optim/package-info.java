/** Built-in optimizers: {@code adam}. */
package org.vaelab.plugins.optim;
