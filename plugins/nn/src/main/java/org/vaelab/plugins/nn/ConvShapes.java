package org.vaelab.plugins.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;

/**
 * The feature maps a {@link ConvConfig} produces from images of a given shape, worked out before
 * any layer is added, so a stack that does not fit the data fails with every size listed.
 * The decoder recomputes the same sequence and retraces it backwards, so its output has exactly
 * the input's size.
 */
final class ConvShapes {

    private ConvShapes() {
    }

    /**
     * Why a convolutional network called {@code network} cannot take examples of {@code shape}: they are not images.
     */
    static Optional<String> notImages(DataShape shape, String network) {
        return shape.isImage() ? Optional.empty() : Optional.of("the " + network + " needs images of [channels, height,"
                + " width], but the data's examples have shape " + shape.dims()
                + "; use type mlp for data that are not images");
    }

    /**
     * The input map, then the output of every layer in order.
     *
     * @param network how messages name the network, such as {@code conv encoder}
     * @throws InvalidInputException when the data are not images, or a layer has no output
     */
    static List<FeatureMap> trace(ConvConfig config, DataShape shape, String network) {
        notImages(shape, network).ifPresent(reason -> {
            throw new InvalidInputException(reason);
        });
        List<Integer> dims = shape.dims();
        List<FeatureMap> maps = new ArrayList<>();
        maps.add(new FeatureMap(dims.get(0), dims.get(1), dims.get(2)));
        StringBuilder trace = new StringBuilder("input ").append(maps.get(0).dimensions());
        for (int i = 0; i < config.layers().size(); i++) {
            ConvLayer layer = config.layers().get(i);
            FeatureMap in = maps.get(i);
            int height = layer.outputSide(in.height());
            int width = layer.outputSide(in.width());
            if (height < 1 || width < 1) {
                trace.append(" -> layer ").append(i).append(": no output");
                throw new InvalidInputException("the " + network + " does not fit images of " + maps.get(0).dimensions()
                        + ": layer " + i + " (" + layer.geometry() + ") gets a " + in.dimensions() + " map, which is"
                        + " smaller than its kernel even with the padding (side + 2 * padding < kernel). Sizes layer by"
                        + " layer: " + trace + ". Remove layers from the end, or use smaller strides or kernels");
            }
            maps.add(new FeatureMap(layer.channels(), height, width));
            trace.append(" -> layer ").append(i).append(": ").append(maps.get(i + 1).dimensions());
        }
        return List.copyOf(maps);
    }
}
