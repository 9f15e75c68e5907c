/**
 * How the {@code images} and {@code hdf5} datasets hold examples out of one pool for validation
 * and testing: one seeded shuffle, counts taken from its end.
 */
package org.vaelab.plugins.data.heldout;
