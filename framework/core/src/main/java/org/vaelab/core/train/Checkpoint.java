package org.vaelab.core.train;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Checksum;
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
    /** Version 2 ends with a CRC32C of every byte before it; version 1 had none and is no longer read. */
    private static final int VERSION = 2;
    private static final int CHECKSUM_BYTES = Integer.BYTES;
    /** The magic string as {@code writeUTF} writes it (its length first), then the version. */
    private static final int HEADER_BYTES = Short.BYTES + MAGIC.length() + Integer.BYTES;

    public Checkpoint {
        parameters = Map.copyOf(parameters);
        optimizerState = Map.copyOf(optimizerState);
    }

    /**
     * Writes the checkpoint to {@code file}, followed by a CRC32C of everything written before it,
     * so that a file changed on disk afterwards is recognised (callers write to a temporary name and
     * move it into place).
     */
    public void write(Path file) throws IOException {
        Checksum checksum = new CRC32C();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new CheckedOutputStream(Files.newOutputStream(file), checksum)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(epoch);
            out.writeLong(globalStep);
            out.writeDouble(bestValidationElbo);
            writeArrays(out, parameters);
            writeArrays(out, optimizerState);
            out.flush();
            out.writeInt((int) checksum.getValue());
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}, after checking its checksum.
     *
     * @throws InvalidInputException when {@code file} is not a VAELab checkpoint of this version,
     *     or its content does not match its checksum (it is corrupt), or it cannot be decoded
     */
    public static Checkpoint read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int version = version(bytes);
        if (version != VERSION) {
            throw new InvalidInputException(file + " is " + (version < 0 ? "not a VAELab checkpoint"
                    : "a VAELab checkpoint of version " + version + "; this VAELab reads version " + VERSION
                    + " only"));
        }
        int payload = bytes.length - CHECKSUM_BYTES;
        Checksum checksum = new CRC32C();
        checksum.update(bytes, 0, payload);
        if ((int) checksum.getValue() != ByteBuffer.wrap(bytes, payload, CHECKSUM_BYTES).getInt()) {
            throw new InvalidInputException(file + " is corrupt: its content does not match its CRC32C checksum");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, payload))) {
            in.skipNBytes(HEADER_BYTES);
            int epoch = in.readInt();
            long step = in.readLong();
            double best = in.readDouble();
            return new Checkpoint(epoch, step, best, readArrays(in), readArrays(in));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + " has a valid checksum but cannot be decoded ("
                    + Failures.reason(e) + ")", e);
        }
    }

    /** The format version {@code bytes} announce, or -1 when they do not start like a checkpoint. */
    private static int version(byte[] bytes) {
        if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        if (header.getShort() != MAGIC.length()
                || !MAGIC.equals(new String(bytes, Short.BYTES, MAGIC.length(), StandardCharsets.US_ASCII))) {
            return -1;
        }
        return header.getInt(Short.BYTES + MAGIC.length());
    }

    /**
     * The epochs completed of the checkpoint in {@code file}, read from its header alone, without
     * its arrays or its checksum: for a message, not to continue from.
     *
     * @throws InvalidInputException when {@code file} is not a checkpoint of this version
     */
    public static int epochOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES + Integer.BYTES);
        }
        if (version(head) != VERSION) {
            throw new InvalidInputException(file + " is not a VAELab checkpoint of version " + VERSION);
        }
        return ByteBuffer.wrap(head, HEADER_BYTES, Integer.BYTES).getInt();
    }

    /**
     * {@code saved}, checked to have {@code target}'s shape.
     *
     * @throws IllegalArgumentException when it has another
     */
    static INDArray requireShape(String name, INDArray saved, INDArray target) {
        if (!Arrays.equals(saved.shape(), target.shape())) {
            throw new IllegalArgumentException(name + " is " + Arrays.toString(saved.shape())
                    + " in the checkpoint, " + Arrays.toString(target.shape()) + " in the model");
        }
        return saved;
    }

    private static void writeArrays(DataOutputStream out, Map<String, INDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, INDArray> entry : new TreeMap<>(arrays).entrySet()) {
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
