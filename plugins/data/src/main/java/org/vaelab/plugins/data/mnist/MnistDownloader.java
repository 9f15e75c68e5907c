package org.vaelab.plugins.data.mnist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;
import org.vaelab.plugins.data.UnreadableFile;
import org.vaelab.spi.InvalidInputException;

/**
 * Downloads the gzipped IDX files a cache folder lacks. Each file is asked of each mirror in turn,
 * a few times when the failure may pass (see {@link DownloadPolicy}); it is written to a temporary
 * file beside its destination, its uncompressed content is checked against the variant's SHA-256,
 * and only then is it moved into place in one atomic step, so the cache never holds a partial or
 * corrupt file and concurrent runs sharing a cache do not disturb each other.
 */
final class MnistDownloader {

    private final DownloadPolicy policy;
    private final HttpClient client;

    MnistDownloader(DownloadPolicy policy) {
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The base URL of a mirror, ending with a slash so that file names resolve under it.
     *
     * @throws IllegalArgumentException if {@code mirror} is not an absolute http or https URL
     */
    static URI mirror(String mirror) {
        URI uri = URI.create(mirror.endsWith("/") ? mirror : mirror + "/");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + mirror + "' is not an http or https URL");
        }
        return uri;
    }

    /**
     * Downloads into {@code folder} each of the four files it lacks, as {@code NAME.gz}.
     *
     * @throws InvalidInputException if a file cannot be had from any mirror, naming each mirror's
     *     failure, the files still missing and where to put them
     */
    void fetchMissing(Path folder, MnistVariant variant, List<URI> mirrors) throws IOException {
        List<String> missing = MnistFiles.missing(folder);
        if (missing.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the " + variant.title() + " cache folder " + folder + " ("
                    + e + "); set data.cache to a writable folder", e);
        }
        for (String name : missing) {
            List<String> failures = new ArrayList<>();
            if (!fetch(folder, name + ".gz", variant.contentDigest(name), mirrors, failures)) {
                throw new InvalidInputException(variant.title() + ": could not download " + name + ".gz: "
                        + String.join("; ", failures) + ". Missing from " + folder + ": "
                        + String.join(", ", MnistFiles.missing(folder).stream().map(file -> file + ".gz").toList())
                        + "; put them there (gzipped or not), or set data.path to a folder holding all four");
            }
        }
    }

    /** Fetches {@code file} from the first mirror that serves it intact; records each mirror's failure. */
    private boolean fetch(Path folder, String file, String digest, List<URI> mirrors, List<String> failures)
            throws IOException {
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(file);
            for (int attempt = 1; ; attempt++) {
                try {
                    download(uri, folder.resolve(file), digest);
                    return true;
                } catch (MirrorFailure failure) {
                    if (!failure.mayPass || attempt == policy.attemptsPerMirror()) {
                        failures.add(uri + ": " + failure.getMessage()
                                + (attempt > 1 ? " (" + attempt + " attempts)" : ""));
                        break;
                    }
                    pause(policy.retryPause().multipliedBy(attempt).toMillis(), uri);
                }
            }
        }
        return false;
    }

    private void download(URI uri, Path target, String digest) throws IOException, MirrorFailure {
        // Not Files.createTempFile: its owner-only permissions would stay with the file in a shared cache.
        Path part = Files.createFile(
                target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part"));
        try {
            int status = send(HttpRequest.newBuilder(uri).timeout(policy.responseTimeout()).GET().build(), part);
            if (status != 200) {
                throw new MirrorFailure("HTTP " + status, status == 429 || status >= 500);
            }
            String found = contentDigest(part);
            if (!found.equals(digest)) {
                throw new MirrorFailure("SHA-256 of the uncompressed content is " + found + ", expected " + digest,
                        false);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Sends the request, writing a successful response's body to {@code part}; returns the status. */
    private int send(HttpRequest request, Path part) throws IOException, MirrorFailure {
        CompletableFuture<HttpResponse<Path>> response = client.sendAsync(request, info -> info.statusCode() == 200
                ? BodySubscribers.ofFile(part) : BodySubscribers.replacing(part));
        try {
            return response.get(policy.transferTimeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new MirrorFailure("no complete answer within "
                    + BigDecimal.valueOf(policy.transferTimeout().toMillis(), 3).stripTrailingZeros().toPlainString()
                    + " s", true);
        } catch (ExecutionException e) {
            throw new MirrorFailure(describe(e.getCause()), true);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + request.uri());
        }
    }

    /** The SHA-256 of a downloaded file's content, uncompressed if it is gzipped. */
    private static String contentDigest(Path file) throws IOException, MirrorFailure {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(IdxReader.open(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | EOFException e) {
            throw new MirrorFailure("not a valid gzip file (" + UnreadableFile.reason(e) + ")", false);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void pause(long millis, URI uri) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to ask " + uri + " again");
        }
    }

    /** An exception as one short phrase: its type, and its message if it has one. */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.replaceAll("\\s+", " ");
    }

    /** Why one attempt at one mirror failed, and whether asking again may help. */
    private static final class MirrorFailure extends Exception {

        private final boolean mayPass;

        MirrorFailure(String message, boolean mayPass) {
            super(message, null, false, false);
            this.mayPass = mayPass;
        }
    }
}
