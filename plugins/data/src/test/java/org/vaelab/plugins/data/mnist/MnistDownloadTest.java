package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaelab.plugins.data.InputProblems.assertProblem;
import static org.vaelab.plugins.data.mnist.MnistTesting.FASHION;
import static org.vaelab.plugins.data.mnist.MnistTesting.NAMES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TEST_LABELS;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_IMAGES;
import static org.vaelab.plugins.data.mnist.MnistTesting.TRAIN_LABELS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.plugins.data.grey.Dequantization;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;

/**
 * Downloading Fashion-MNIST from mirrors on a local HTTP server that serves the files of Debian's
 * {@code dataset-fashion-mnist}, whole, corrupted, or after failures.
 */
class MnistDownloadTest {

    /** Quick to give up and never pausing, so failures cost no time. */
    private static final DownloadPolicy IMPATIENT =
            new DownloadPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ZERO);

    /** The Debian files, by their names with .gz. */
    private static Map<String, byte[]> debian;
    /** The two label files with the first label changed. */
    private static Map<String, byte[]> corruptLabels;

    @TempDir
    Path base;
    private Path cache;
    private LocalMirrors mirrors;

    @BeforeAll
    static void readDebianFiles() throws IOException {
        assumeTrue(Files.isDirectory(FASHION), "apt-get install dataset-fashion-mnist to run these tests");
        debian = new HashMap<>();
        for (String name : NAMES) {
            debian.put(name + ".gz", Files.readAllBytes(FASHION.resolve(name + ".gz")));
        }
        corruptLabels = new HashMap<>();
        for (String name : List.of(TRAIN_LABELS, TEST_LABELS)) {
            byte[] labels = gunzip(debian.get(name + ".gz"));
            labels[8] = (byte) ((labels[8] + 1) % 10);
            corruptLabels.put(name + ".gz", gzip(labels));
        }
    }

    @BeforeEach
    void startMirrors() throws IOException {
        mirrors = new LocalMirrors();
        cache = base.resolve("cache").resolve("mnist").resolve("fashion");
        Files.createDirectories(base.resolve("empty"));
    }

    @AfterEach
    void stopMirrors() {
        mirrors.close();
    }

    @Test
    void downloadsIntoTheCacheOnceAndLoadsFromIt() throws IOException {
        MnistConfig config = config(List.of(mirrors.serving("good", debian)));
        DataSplits first = load(config);
        DataSplits second = load(config);

        assertEquals(4, mirrors.requests());
        for (String name : NAMES) {
            assertArrayEquals(debian.get(name + ".gz"), Files.readAllBytes(cache.resolve(name + ".gz")));
        }
        assertCacheHolds(NAMES.stream().map(name -> name + ".gz").toArray(String[]::new));
        assertEquals(900, first.train().size());
        assertEquals(9, first.train().label(0).orElseThrow(), "the first training image is an ankle boot");
        assertEquals(first.shape(), second.shape());
        assertEquals(first.test().label(499), second.test().label(499));
    }

    @Test
    void localFilesWinOverDownloading() throws IOException {
        Path local = Files.createDirectory(base.resolve("local"));
        SyntheticMnist.write(local);
        MnistConfig config = new MnistConfig(MnistVariant.FASHION, "local", SplitSize.count(5), Binarization.NONE,
                Dequantization.NONE, 0, 0, true, "cache",
                List.of(mirrors.serving("good", debian)), null);
        assertEquals(SyntheticMnist.TEST, load(config).test().size());
        assertEquals(0, mirrors.requests());
        assertFalse(Files.exists(cache));
    }

    @Test
    void aCorruptFileIsFetchedAgainFromTheNextMirror() throws IOException {
        seedCacheWithImages();
        fetch(mirrors.serving("corrupt", corruptLabels), mirrors.serving("good", debian));
        for (String name : List.of(TRAIN_LABELS, TEST_LABELS)) {
            assertArrayEquals(debian.get(name + ".gz"), Files.readAllBytes(cache.resolve(name + ".gz")));
            assertEquals(1, mirrors.requests("corrupt", name + ".gz"), "a wrong file is not asked for again");
            assertEquals(1, mirrors.requests("good", name + ".gz"));
        }
        assertEquals(0, mirrors.requests("good", TRAIN_IMAGES + ".gz"), "only missing files are downloaded");
        assertCacheHolds(TRAIN_IMAGES + ".gz", TEST_IMAGES + ".gz", TRAIN_LABELS + ".gz", TEST_LABELS + ".gz");
    }

    @Test
    void serverErrorsAreRetried() throws IOException {
        seedCacheWithImages();
        fetch(mirrors.failingFirst("flaky", debian, 2, 500));
        for (String name : List.of(TRAIN_LABELS, TEST_LABELS)) {
            assertEquals(3, mirrors.requests("flaky", name + ".gz"));
            assertArrayEquals(debian.get(name + ".gz"), Files.readAllBytes(cache.resolve(name + ".gz")));
        }
    }

    @Test
    void aMissingFileIsNotAskedForAgain() throws IOException {
        seedCacheWithImages();
        fetch(mirrors.serving("partial", Map.of()), mirrors.serving("good", debian));
        assertEquals(1, mirrors.requests("partial", TRAIN_LABELS + ".gz"));
        assertEquals(1, mirrors.requests("good", TRAIN_LABELS + ".gz"));
    }

    @Test
    void allMirrorsDownSaysWhichFilesAreMissingAndWhereToPutThem() throws IOException {
        String refusing = LocalMirrors.refusing();
        String unavailable = mirrors.failingFirst("down", debian, Integer.MAX_VALUE, 503);
        assertProblem(() -> load(config(List.of(refusing, unavailable))),
                "Fashion-MNIST: could not download " + TRAIN_IMAGES + ".gz: ",
                refusing + TRAIN_IMAGES + ".gz: ConnectException", "(3 attempts)",
                unavailable + TRAIN_IMAGES + ".gz: HTTP 503 (3 attempts)",
                "Missing from " + cache + ": " + TRAIN_IMAGES + ".gz, " + TRAIN_LABELS + ".gz, " + TEST_IMAGES
                        + ".gz, " + TEST_LABELS + ".gz; put them there (gzipped or not), or set data.path");
        assertCacheHolds();
    }

    @Test
    void aChecksumMismatchNamesTheUrlAndBothDigestsAndLeavesNoFile() throws IOException, NoSuchAlgorithmException {
        seedCacheWithImages();
        String corrupt = mirrors.serving("corrupt", corruptLabels);
        assertProblem(() -> fetch(corrupt),
                corrupt + TRAIN_LABELS + ".gz: SHA-256 of the uncompressed content is "
                        + sha256(gunzip(corruptLabels.get(TRAIN_LABELS + ".gz"))) + ", expected "
                        + MnistVariant.FASHION.contentDigest(TRAIN_LABELS),
                "Missing from " + cache + ": " + TRAIN_LABELS + ".gz, " + TEST_LABELS + ".gz");
        assertCacheHolds(TRAIN_IMAGES + ".gz", TEST_IMAGES + ".gz");
    }

    @Test
    void aTruncatedGzipFileIsRejected() throws IOException {
        seedCacheWithImages();
        byte[] whole = debian.get(TRAIN_LABELS + ".gz");
        String truncated = mirrors.serving("truncated",
                Map.of(TRAIN_LABELS + ".gz", Arrays.copyOf(whole, whole.length / 2)));
        assertProblem(() -> fetch(truncated), truncated + TRAIN_LABELS + ".gz: not a valid gzip file");
        assertCacheHolds(TRAIN_IMAGES + ".gz", TEST_IMAGES + ".gz");
    }

    @Test
    void aStalledTransferTimesOut() throws IOException {
        seedCacheWithImages();
        String stalling = mirrors.stalling("stalling", debian, 1000);
        DownloadPolicy hurried = new DownloadPolicy(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(300), 1, Duration.ZERO);
        assertProblem(() -> new MnistDownloader(hurried).fetchMissing(cache, MnistVariant.FASHION,
                        List.of(URI.create(stalling))),
                stalling + TRAIN_LABELS + ".gz: no complete answer within 0.3 s");
        assertCacheHolds(TRAIN_IMAGES + ".gz", TEST_IMAGES + ".gz");
    }

    @Test
    void theCacheIsTheConfiguredFolderElseVaelabDataElseTheUserCache() {
        Path spec = Path.of("/specs");
        Path home = Path.of("/home/me");
        assertEquals(Path.of("/specs/data"), DataCache.root("data", spec, Map.of("VAELAB_DATA", "/v"), home));
        assertEquals(Path.of("/v"), DataCache.root(null, spec, Map.of("VAELAB_DATA", "/v"), home));
        assertEquals(Path.of("/home/me/.cache/vaelab"), DataCache.root(null, spec, Map.of("VAELAB_DATA", " "), home));
        assertEquals(Path.of("/home/me/.cache/vaelab"), DataCache.root(null, spec, Map.of(), home));
    }

    /** Downloading into the cache, looking in an empty folder first, 1000 training and 500 test images. */
    private static MnistConfig config(List<String> mirrorUrls) {
        return new MnistConfig(MnistVariant.FASHION, "empty", SplitSize.count(100), Binarization.NONE,
                Dequantization.NONE, 1000, 500, true, "cache",
                mirrorUrls, null);
    }

    private DataSplits load(MnistConfig config) throws IOException {
        return new MnistDataset(config, IMPATIENT).load(new LoadContext(base, 1));
    }

    private void fetch(String... mirrorUrls) throws IOException {
        new MnistDownloader(IMPATIENT).fetchMissing(cache, MnistVariant.FASHION,
                Stream.of(mirrorUrls).map(URI::create).toList());
    }

    private void seedCacheWithImages() throws IOException {
        Files.createDirectories(cache);
        for (String name : List.of(TRAIN_IMAGES, TEST_IMAGES)) {
            Files.copy(FASHION.resolve(name + ".gz"), cache.resolve(name + ".gz"));
        }
    }

    /** The cache folder holds exactly these files (no partial downloads). */
    private void assertCacheHolds(String... names) throws IOException {
        List<String> held;
        try (Stream<Path> files = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            held = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(Stream.of(names).sorted().toList(), held);
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
