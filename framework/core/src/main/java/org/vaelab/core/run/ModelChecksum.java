package org.vaelab.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vaelab.spi.InvalidInputException;

/**
 * The SHA-256 of a run's trained model ({@code checkpoints/final.fb}), kept beside it in
 * {@code final.fb.sha256} in the format of {@code sha256sum}. The model stays a plain SameDiff
 * file that ND4J alone loads, and ND4J reads a damaged file without complaint (a flipped byte
 * gives NaN weights), so the commands on a trained run check the digest before loading it.
 */
final class ModelChecksum {

    private static final String SUFFIX = ".sha256";

    private ModelChecksum() {
    }

    /**
     * Writes the digest of {@code relative} in {@code directory}, once that file is complete.
     *
     * @return the digest file's path relative to {@code directory}
     */
    static String record(RunDirectory directory, String relative) throws IOException {
        Path model = directory.root().resolve(relative);
        directory.writeText(relative + SUFFIX, sha256(model) + "  " + model.getFileName() + "\n");
        return relative + SUFFIX;
    }

    /**
     * Checks {@code model} against its recorded digest. A model without one (saved by a VAELab
     * before digests were recorded) is not checked.
     *
     * @throws InvalidInputException when the digests differ (the model or its digest file was damaged)
     */
    static void check(Path model) throws IOException {
        Path recorded = model.resolveSibling(model.getFileName() + SUFFIX);
        if (!Files.isRegularFile(recorded)) {
            return;
        }
        String expected = Files.readString(recorded, StandardCharsets.UTF_8).split("\\s", 2)[0];
        if (!expected.equals(sha256(model))) {
            throw new InvalidInputException(model + " is corrupt: its SHA-256 differs from the one recorded in "
                    + recorded.getFileName() + " when the run saved it");
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
