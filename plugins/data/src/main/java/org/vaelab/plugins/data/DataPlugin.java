package org.vaelab.plugins.data;

import org.vaelab.plugins.data.binarized.BinarizedMnistConfig;
import org.vaelab.plugins.data.binarized.BinarizedMnistDataset;
import org.vaelab.plugins.data.csv.CsvConfig;
import org.vaelab.plugins.data.csv.CsvDataset;
import org.vaelab.plugins.data.hdf5.Hdf5Config;
import org.vaelab.plugins.data.hdf5.Hdf5Dataset;
import org.vaelab.plugins.data.images.ImagesConfig;
import org.vaelab.plugins.data.images.ImagesDataset;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.data.mnist.MnistDataset;
import org.vaelab.plugins.data.npy.NpyConfig;
import org.vaelab.plugins.data.npy.NpyDataset;
import org.vaelab.plugins.data.sprites.SpritesConfig;
import org.vaelab.plugins.data.sprites.SpritesDataset;
import org.vaelab.plugins.data.swissroll.SwissRollConfig;
import org.vaelab.plugins.data.swissroll.SwissRollDataset;
import org.vaelab.spi.Family;
import org.vaelab.spi.PluginModule;

/**
 * The built-in datasets: {@code mnist}, {@code binarized_mnist}, {@code npy}, {@code swiss_roll}, {@code csv},
 * {@code images}, {@code hdf5} and {@code sprites}.
 */
public final class DataPlugin extends PluginModule {

    @Override
    protected void configure() {
        register(Family.DATASET, "mnist", MnistConfig.class, MnistDataset::new,
                "MNIST or Fashion-MNIST from IDX files (gzipped or not), downloaded and checked on request");
        register(Family.DATASET, "binarized_mnist", BinarizedMnistConfig.class, BinarizedMnistDataset::new,
                "The fixed binarisation of MNIST of Larochelle and Murray (2011), from its published .amat files: "
                        + "50,000 train, 10,000 validation and 10,000 test images, kept as bits");
        register(Family.DATASET, "npy", NpyConfig.class, NpyDataset::new,
                "Images or vectors from NumPy .npy or .npz arrays (uint8 grey levels kept as bytes, bool as bits, "
                        + "float32 and float64 as they are), with optional labels and a test array of their own");
        register(Family.DATASET, "swiss_roll", SwissRollConfig.class, SwissRollDataset::new,
                "The Swiss roll: 3-D points on a rolled-up 2-D sheet, generated from the seed "
                        + "(as scikit-learn's make_swiss_roll)");
        register(Family.DATASET, "sprites", SpritesConfig.class, SpritesDataset::new,
                "64x64 binary sprites (square, ellipse, heart) on dSprites' factor grid, rendered by VAELab, "
                        + "each image with its factors");
        register(Family.DATASET, "csv", CsvConfig.class, CsvDataset::new,
                "Numeric columns of a CSV file, optionally with a class-label column; shuffled, split and scaled "
                        + "with statistics of the training split");
        register(Family.DATASET, "images", ImagesConfig.class, ImagesDataset::new,
                "A folder of PNG and JPEG images (optionally one subfolder per class), grey or RGB, resized and "
                        + "centre-cropped to one size, decoded once and kept as bytes");
        register(Family.DATASET, "hdf5", Hdf5Config.class, Hdf5Dataset::new,
                "Named datasets of an HDF5 file (images or vectors, uint8 or floats, optional labels), read with "
                        + "the pure-Java jHDF");
    }
}
