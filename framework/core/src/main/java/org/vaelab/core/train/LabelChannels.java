package org.vaelab.core.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.nn.LabelInput;

/**
 * A conditional model's one-hot labels as constant channels of its images ({@link LabelInput#CHANNELS}): the input
 * of q(z|x, y) in the conditional VAE of Sohn, Lee and Yan 2015 for a convolutional encoder, whose first convolution
 * then sees y at every position. Built from reshapes, a broadcast product and a concatenation, ops the compiled
 * engine cuts by rows and the ONNX export translates.
 */
final class LabelChannels {

    private LabelChannels() {
    }

    /** The images of {@code shape} with {@code classes} channels more. */
    static DataShape shape(DataShape shape, int classes) {
        return DataShape.image(shape.dims().get(0) + classes, shape.dims().get(1), shape.dims().get(2), shape.range(),
                shape.classes());
    }

    /**
     * The images {@code x}, {@code [batch, C * H * W]}, with the labels {@code y}, {@code [batch, classes]}, as
     * channels {@code C .. C + classes - 1}: channel {@code C + k} of an example is y_k at every pixel. Flattened
     * row-major, {@code [batch, (C + classes) * H * W]}.
     */
    static SDVariable append(SameDiff sd, SDVariable x, SDVariable y, DataShape shape, int classes) {
        int channels = shape.dims().get(0);
        int height = shape.dims().get(1);
        int width = shape.dims().get(2);
        SDVariable images = sd.reshape(x, -1, channels, height, width);
        SDVariable maps = sd.reshape(y, -1, classes, 1, 1)
                .mul(sd.constant(Nd4j.ones(DataType.FLOAT, 1, 1, height, width)));
        return sd.reshape(sd.concat(1, images, maps), -1, (channels + classes) * height * width);
    }
}
