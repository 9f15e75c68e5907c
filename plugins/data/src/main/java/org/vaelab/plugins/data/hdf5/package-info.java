/**
 * The {@code hdf5} dataset: named datasets of an HDF5 file (images or vectors, uint8 or floats,
 * optional labels), read with the pure-Java jHDF.
 */
package org.vaelab.plugins.data.hdf5;
