/**
 * The {@code npy} dataset: examples and labels from NumPy's {@code .npy} and {@code .npz} files,
 * read by a reader of the documented format.
 */
package org.vaelab.plugins.data.npy;
