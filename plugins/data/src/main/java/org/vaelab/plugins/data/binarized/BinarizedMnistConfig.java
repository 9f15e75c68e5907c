package org.vaelab.plugins.data.binarized;

import org.vaelab.spi.Param;

/**
 * Configuration of the {@code binarized_mnist} dataset.
 *
 * @param path the folder holding the three {@code .amat} files, relative to the spec's folder
 * @param valid what the published validation images are used for
 * @param trainLimit use only the first N images of the training file, 0 for all
 * @param testLimit use only the first N images of the test file, 0 for all
 */
public record BinarizedMnistConfig(
        @Param("Folder holding binarized_mnist_train.amat, binarized_mnist_valid.amat and binarized_mnist_test.amat "
                + "(each optionally gzipped, ending in .gz), relative to the spec's folder")
        String path,
        @Param(value = "validation: the 10,000 images of binarized_mnist_valid.amat validate, as published; train: "
                + "they train too (60,000 training images, no validation split)", defaultValue = "validation")
        ValidSplit valid,
        @Param(value = "Use only the first N images of the training file; 0 uses all", defaultValue = "0", min = 0)
        int trainLimit,
        @Param(value = "Use only the first N images of the test file; 0 uses all", defaultValue = "0", min = 0)
        int testLimit) {
}
