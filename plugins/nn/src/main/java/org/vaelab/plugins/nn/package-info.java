/** Built-in encoder and decoder networks: {@code mlp}. */
package org.vaelab.plugins.nn;
