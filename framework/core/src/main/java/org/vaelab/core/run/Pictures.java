package org.vaelab.core.run;

import java.io.IOException;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.core.artifacts.ImageGrid;
import org.vaelab.core.train.GeneratorGraph;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;

/**
 * The pictures of a trained image model: reconstructions (inputs above their reconstructions at
 * the posterior mean) and samples from the prior (the decoder's mean at z ~ N(0, I)).
 */
final class Pictures {

    static final String RECONSTRUCTIONS = "images/reconstructions.png";
    static final String SAMPLES = "images/samples.png";
    private static final int COLUMNS = 16;
    private static final int SAMPLE_COUNT = 128;

    private Pictures() {
    }

    /** Writes both pictures; returns their paths relative to the run directory (none for non-image data). */
    static java.util.List<String> write(Assembly model, RunDirectory directory) throws IOException {
        DataShape shape = model.data().shape();
        if (!shape.isImage()) {
            return java.util.List.of();
        }
        DataSplit test = model.data().test();
        int count = Math.min(COLUMNS * 2, test.size());
        float[] inputs = new float[count * shape.size()];
        for (int i = 0; i < count; i++) {
            test.copyRow(i, inputs, i);
        }
        INDArray x = Nd4j.create(inputs, new long[] {count, shape.size()}, 'c');
        INDArray eps = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, (long) model.graph().samples() * count,
                model.graph().latentDim());
        INDArray recon = model.graph().sameDiff().output(Map.of(VaeGraph.X, x, VaeGraph.EPS, eps), VaeGraph.X_MEAN)
                .get(VaeGraph.X_MEAN);
        float[] grid = new float[2 * count * shape.size()];
        int half = count / 2;
        float[] reconValues = recon.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, count),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c').data().asFloat();
        for (int block = 0; block < 2; block++) {
            int rowLength = half * shape.size();
            System.arraycopy(inputs, block * rowLength, grid, 2 * block * rowLength, rowLength);
            System.arraycopy(reconValues, block * rowLength, grid, (2 * block + 1) * rowLength, rowLength);
        }
        directory.write(RECONSTRUCTIONS, file -> ImageGrid.write(grid, 2 * count, shape, half, file));

        INDArray z = Nd4j.create(gaussian(model, SAMPLE_COUNT), new long[] {SAMPLE_COUNT, model.graph().latentDim()}, 'c');
        float[] samples = GeneratorGraph.of(model.graph(), model.decoder(), model.likelihood(), shape)
                .decode(z).dup('c').data().asFloat();
        directory.write(SAMPLES, file -> ImageGrid.write(samples, SAMPLE_COUNT, shape, COLUMNS, file));
        return java.util.List.of(RECONSTRUCTIONS, SAMPLES);
    }

    private static float[] gaussian(Assembly model, int count) {
        float[] values = new float[count * model.graph().latentDim()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) model.streams().pictures().nextGaussian();
        }
        return values;
    }
}
