/**
 * Built-in encoder and decoder networks: {@code mlp}, fully connected with optional layer
 * normalisation, and {@code conv}, strided convolutions with a mirrored transposed-convolution
 * decoder whose sizes are worked out from the data's shape before any layer is added.
 */
package org.vaelab.plugins.nn;
