package org.vaelab.core.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaelab.spi.InvalidInputException;

/**
 * Everything training needs to continue after epoch {@code epoch} exactly as if it had never
 * stopped: the parameters, the optimizer's state and the step counter. Nothing else is needed:
 * the random streams are functions of the seed and the epoch ({@link RandomStreams}), the data
 * order is drawn afresh each epoch, and KL schedules and learning-rate schedules are functions of
 * the step.
 *
 * @param epoch the epochs completed
 * @param globalStep the optimizer steps taken
 * @param bestValidationElbo the best validation ELBO so far, NaN before the first evaluation
 * @param parameters every trainable variable by name
 * @param optimizerState every parameter's updater state by parameter name (absent for stateless updaters)
 */
public record Checkpoint(int epoch, long globalStep, double bestValidationElbo, Map<String, INDArray> parameters,
                         Map<String, INDArray> optimizerState) {

    private static final String MAGIC = "VAELAB-CHECKPOINT";
    private static final int VERSION = 1;

    public Checkpoint {
        parameters = Map.copyOf(parameters);
        optimizerState = Map.copyOf(optimizerState);
    }

    /** Writes the checkpoint to {@code file} (callers write to a temporary name and move it into place). */
    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(epoch);
            out.writeLong(globalStep);
            out.writeDouble(bestValidationElbo);
            writeArrays(out, parameters);
            writeArrays(out, optimizerState);
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}.
     *
     * @throws InvalidInputException when {@code file} is not a complete checkpoint of this version
     */
    public static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int epoch = in.readInt();
            long step = in.readLong();
            double best = in.readDouble();
            return new Checkpoint(epoch, step, best, readArrays(in), readArrays(in));
        } catch (EOFException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(file + " is not a readable VAELab checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The epochs completed of the checkpoint in {@code file}, read without its arrays.
     *
     * @throws InvalidInputException when {@code file} is not a checkpoint of this version
     */
    public static int epochOf(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return in.readInt();
        }
    }

    /** {@code file}, its magic and version read and checked. */
    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        try {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new InvalidInputException(file + " is not a VAELab checkpoint of version " + VERSION);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * {@code saved}, checked to have {@code target}'s shape.
     *
     * @throws IllegalArgumentException when it has another
     */
    static INDArray requireShape(String name, INDArray saved, INDArray target) {
        if (!java.util.Arrays.equals(saved.shape(), target.shape())) {
            throw new IllegalArgumentException(name + " is " + java.util.Arrays.toString(saved.shape())
                    + " in the checkpoint, " + java.util.Arrays.toString(target.shape()) + " in the model");
        }
        return saved;
    }

    private static void writeArrays(DataOutputStream out, Map<String, INDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> entry : new java.util.TreeMap<>(arrays).entrySet()) {
            out.writeUTF(entry.getKey());
            Nd4j.write(entry.getValue(), out);
        }
    }

    private static Map<String, INDArray> readArrays(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            arrays.put(in.readUTF(), Nd4j.read(in));
        }
        return arrays;
    }
}
