package org.vaelab.plugins.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlflow.api.proto.Service;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.testkit.MlflowRecord;
import org.vaelab.testkit.MlflowServerExtension;

/**
 * Runs that talk to a real MLflow server at the same moment, as the trials of a parallel sweep or
 * the shards of a study do.
 */
class ConcurrentRunsTest {

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private static final int RUNS = 8;
    private static final int ROUNDS = 4;

    /**
     * MLflow checks whether an experiment has a dataset, then inserts it: of two runs logging a
     * dataset new to the experiment at once, one can be refused (HTTP 400, a unique constraint).
     * A sweep's first trials all log the same new dataset together; each of them must record it.
     */
    @Test
    void runsLoggingTheSameNewDatasetAtOnceAllRecordIt() throws Exception {
        String uri = MLFLOW.server().uri();
        ExecutorService threads = Executors.newFixedThreadPool(RUNS);
        try (MlflowEndpoint endpoint = new MlflowEndpoint(uri, Credentials.of(name -> null, URI.create(uri)),
                Duration.ofSeconds(30))) {
            for (int round = 0; round < ROUNDS; round++) {
                String experiment = "dataset-race-" + round;
                String experimentId = endpoint.experimentId(experiment);
                DatasetInfo dataset = new DatasetInfo("fashion-mnist", "digest" + round, "/usr/share/datasets");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> logged = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    String runId = endpoint.createRun(Service.CreateRun.newBuilder().setExperimentId(experimentId)
                            .setRunName("run" + run).addTags(Service.RunTag.newBuilder().setKey("vaelab.run_id")
                                    .setValue("run" + run).build()).build()).getRunId();
                    logged.add(threads.submit(() -> {
                        start.await();
                        endpoint.logInput(runId, dataset);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : logged) {
                    future.get();
                }
                for (int run = 0; run < RUNS; run++) {
                    assertEquals(List.of(Map.of("name", dataset.name(), "digest", dataset.digest())),
                            MlflowRecord.find(uri, experiment, "run" + run).orElseThrow().datasets(), "round " + round);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
