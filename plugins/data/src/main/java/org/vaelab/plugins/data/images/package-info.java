/**
 * The {@code images} dataset: a folder of PNG and JPEG files, optionally one subfolder per class,
 * decoded once with javax.imageio, resized and centre-cropped by area averaging, and kept as bytes.
 */
package org.vaelab.plugins.data.images;
