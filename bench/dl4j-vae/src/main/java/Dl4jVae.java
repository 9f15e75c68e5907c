import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The quickstart's model with DL4J's own VariationalAutoencoder layer: 784-400-20 encoder and
 * 20-400-784 decoder with ReLU, Bernoulli reconstruction distribution, Adam 1e-3, batch 128, the
 * first 55,000 Fashion-MNIST training images, trained layer-wise by pretrainLayer as DL4J's VAE
 * examples do.
 *
 *   java Dl4jVae DATA_DIR EPOCHS SEED
 *
 * prints `startup S` and, per epoch, `epoch N seconds S test_elbo E eval_seconds T`, the test ELBO
 * being DL4J's reconstructionLogProbability with one sample of z (a one-sample ELBO estimate).
 */
public final class Dl4jVae {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        INDArray train = images(data.resolve("train-images-idx3-ubyte.gz"), 55_000);
        INDArray test = images(data.resolve("t10k-images-idx3-ubyte.gz"), 10_000);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).list()
                .layer(new VariationalAutoencoder.Builder().activation(Activation.RELU).encoderLayerSizes(400)
                        .decoderLayerSizes(400).pzxActivationFunction(Activation.IDENTITY)
                        .reconstructionDistribution(new BernoulliReconstructionDistribution(Activation.SIGMOID))
                        .nIn(784).nOut(20).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        List<DataSet> batches = new DataSet(train, train).batchBy(128);
        ListDataSetIterator<DataSet> iterator = new ListDataSetIterator<>(batches, 1);
        System.out.printf("startup %.3f%n", (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3);
        org.deeplearning4j.nn.layers.variational.VariationalAutoencoder vae =
                (org.deeplearning4j.nn.layers.variational.VariationalAutoencoder) net.getLayer(0);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            iterator.reset();
            long start = System.nanoTime();
            net.pretrainLayer(0, iterator);
            double seconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            double elbo = vae.reconstructionLogProbability(test, 1).meanNumber().doubleValue();
            double evaluation = (System.nanoTime() - start) / 1e9;
            System.out.printf("epoch %d seconds %.3f test_elbo %.2f eval_seconds %.3f%n", epoch, seconds, elbo, evaluation);
        }
    }

    /** The first {@code count} images of an IDX file, grey levels in [0, 1], one row each. */
    private static INDArray images(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            in.readInt();
            in.readInt();
            int size = in.readInt() * in.readInt();
            byte[] bytes = new byte[count * size];
            in.readFully(bytes);
            float[] values = new float[bytes.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (bytes[i] & 0xff) / 255f;
            }
            return Nd4j.create(values, new long[] {count, size}, 'c');
        }
    }
}
