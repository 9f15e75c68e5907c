package org.vaelab.plugins.data.mnist;

/**
 * The contents of one IDX file of unsigned bytes.
 *
 * @param dims the dimensions from the header, outermost (the item count) first
 * @param values the unsigned bytes, row-major; exactly the product of {@code dims} of them
 */
record IdxArray(int[] dims, byte[] values) {

    /** The number of items, the first dimension. */
    int count() {
        return dims[0];
    }
}
