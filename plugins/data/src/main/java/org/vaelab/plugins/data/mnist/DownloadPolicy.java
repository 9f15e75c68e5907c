package org.vaelab.plugins.data.mnist;

import java.time.Duration;

/**
 * How patiently files are downloaded.
 *
 * @param connectTimeout the longest wait for a connection
 * @param responseTimeout the longest wait for the response headers once the request is sent
 * @param transferTimeout the longest a whole file may take, headers and body
 * @param attemptsPerMirror how often a mirror is asked for a file before the next mirror is tried,
 *     when it fails in a way that may pass (no connection, a timeout, HTTP 429 or 5xx)
 * @param retryPause the pause before the second attempt; it grows by this much for each further one
 */
record DownloadPolicy(Duration connectTimeout, Duration responseTimeout, Duration transferTimeout,
                      int attemptsPerMirror, Duration retryPause) {

    /** For real mirrors: 10 s to connect, 30 s to answer, 10 minutes per file, 3 attempts 1 s and 2 s apart. */
    static final DownloadPolicy DEFAULT = new DownloadPolicy(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10), 3, Duration.ofSeconds(1));

    DownloadPolicy {
        if (attemptsPerMirror < 1) {
            throw new IllegalArgumentException("attemptsPerMirror must be positive, got " + attemptsPerMirror);
        }
    }
}
