/**
 * Encoders and decoders: the networks of q(z|x) and p(x|z), built as SameDiff graphs through a
 * {@link org.vaelab.spi.nn.NetworkBuilder}.
 */
package org.vaelab.spi.nn;
