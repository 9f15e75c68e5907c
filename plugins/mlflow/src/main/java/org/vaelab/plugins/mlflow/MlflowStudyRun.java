package org.vaelab.plugins.mlflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlflow.api.proto.Service;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.StudyInfo;
import org.vaelab.spi.track.StudyResults;
import org.vaelab.spi.track.StudyRun;
import org.vaelab.spi.track.TrialRecord;

/**
 * A study's parent run in MLflow, tagged {@code vaelab.study_sha256} and {@code vaelab.role = study}.
 * Shards started together may each find no parent and create one; so a shard that created one
 * waits {@value #SETTLE_MILLIS} ms, searches again, keeps the oldest parent (by start time, then
 * run id; every shard sees the same ones and picks the same) and deletes its own if that is not it.
 * A shard that finds a parent started less than {@value #SETTLE_MILLIS} ms ago waits and searches
 * again too: another shard's parent, still being created, may be older than the one it found.
 * Its calls block: they happen between trials.
 *
 * <p>The summary shows the best trial on the parent (tags {@code vaelab.best_trial},
 * {@code vaelab.best_run_id}, {@code vaelab.best_ranked_by}: the metric that chose it; metrics
 * {@code best/...}), the per-value means of the swept keys and
 * the summary table as its description; each trial run gets a one-line description. Summary
 * metrics are logged at step = finished trials and the parent's start time, so logging the same
 * summary again adds no point; and a parent that already ended with the status it is given, after
 * its last trial run ended, is left as it was.
 */
final class MlflowStudyRun implements StudyRun {

    static final String ROLE_TAG = "vaelab.role";
    private static final String STUDY_TAG = "vaelab.study_sha256";
    private static final String SPEC_TAG = "vaelab.spec_sha256";
    private static final long SETTLE_MILLIS = 2000;
    /** The tag of a trial run the study pruned ({@link RunStatus#PRUNED}). */
    static final String PRUNED_TAG = "vaelab.pruned";
    private static final String PRUNED_VALUE = "true";

    private final MlflowEndpoint endpoint;
    private final String experimentId;
    private final String studySha256;
    private final Service.RunInfo parent;

    private MlflowStudyRun(MlflowEndpoint endpoint, String experimentId, String studySha256, Service.RunInfo parent) {
        this.endpoint = endpoint;
        this.experimentId = experimentId;
        this.studySha256 = studySha256;
        this.parent = parent;
    }

    /** Finds the parent run of {@code study} in {@code experiment}, or creates it. */
    static MlflowStudyRun open(MlflowEndpoint endpoint, String experiment, StudyInfo study, String source)
            throws SendFailure, InterruptedException {
        String experimentId = endpoint.experimentId(experiment);
        String filter = "tags.`" + STUDY_TAG + "` = '" + study.sha256() + "' AND tags.`" + ROLE_TAG + "` = 'study'";
        List<Service.Run> found = endpoint.searchRuns(experimentId, filter);
        Service.RunInfo created = found.isEmpty() ? create(endpoint, experimentId, study, source) : null;
        if (created != null || settling(found)) {
            Thread.sleep(SETTLE_MILLIS);
            found = endpoint.searchRuns(experimentId, filter);
        }
        Service.RunInfo oldest = oldest(found);
        if (created != null && !oldest.getRunId().equals(created.getRunId())) {
            endpoint.deleteRun(created.getRunId());
        }
        return new MlflowStudyRun(endpoint, experimentId, study.sha256(), oldest);
    }

    /** Whether one of {@code parents} started so recently that other shards may still be creating theirs. */
    private static boolean settling(List<Service.Run> parents) {
        long now = System.currentTimeMillis();
        return parents.stream().anyMatch(run -> now - run.getInfo().getStartTime() < SETTLE_MILLIS);
    }

    private static Service.RunInfo create(MlflowEndpoint endpoint, String experimentId, StudyInfo study, String source)
            throws SendFailure {
        Map<String, String> tags = new LinkedHashMap<>(study.tags());
        tags.put(ROLE_TAG, "study");
        tags.put("mlflow.user", RunRequests.user());
        tags.put("mlflow.source.type", "LOCAL");
        tags.put("mlflow.source.name", source);
        Service.RunInfo run = endpoint.createRun(Service.CreateRun.newBuilder().setExperimentId(experimentId)
                .setRunName(study.name()).setStartTime(System.currentTimeMillis()).setUserId(RunRequests.user())
                .addAllTags(RunRequests.tags(tags)).build());
        for (List<Service.Param> params : RunRequests.paramBatches(study.params())) {
            endpoint.logBatch(run.getRunId(), List.of(), params, List.of());
        }
        return run;
    }

    private static Service.RunInfo oldest(List<Service.Run> runs) {
        return runs.stream().map(Service.Run::getInfo)
                .min(Comparator.comparingLong(Service.RunInfo::getStartTime).thenComparing(Service.RunInfo::getRunId))
                .orElseThrow(() -> new IllegalStateException("the study's parent run vanished right after it "
                        + "was created"));
    }

    @Override
    public Map<String, String> childTags() {
        return Map.of("mlflow.parentRunId", parent.getRunId());
    }

    @Override
    public Optional<String> link() {
        return Optional.of(endpoint.runLink(experimentId, parent.getRunId()));
    }

    @Override
    public List<TrialRecord> trials() throws IOException {
        List<TrialRecord> trials = new ArrayList<>();
        for (Service.Run run : trialRuns()) {
            Map<String, String> tags = tags(run);
            Map<String, Double> metrics = new LinkedHashMap<>();
            run.getData().getMetricsList().forEach(metric -> metrics.put(metric.getKey(), metric.getValue()));
            Service.RunInfo info = run.getInfo();
            double seconds = info.getEndTime() > 0 ? (info.getEndTime() - info.getStartTime()) / 1000.0 : Double.NaN;
            RunStatus status = PRUNED_VALUE.equals(tags.get(PRUNED_TAG)) ? RunStatus.PRUNED : status(info.getStatus());
            trials.add(new TrialRecord(tags.get(SPEC_TAG), status, metrics, seconds));
        }
        return trials;
    }

    /**
     * Tags the trial runs of {@code specSha256} {@value #PRUNED_TAG}{@code =true} and ends them KILLED:
     * MLflow has no PRUNED status, and KILLED keeps them apart from finished runs in its runs view.
     */
    @Override
    public void prune(String specSha256) throws IOException {
        for (Service.Run run : trialRuns()) {
            if (specSha256.equals(tags(run).get(SPEC_TAG)) && !PRUNED_VALUE.equals(tags(run).get(PRUNED_TAG))) {
                String runId = run.getInfo().getRunId();
                long ended = run.getInfo().getEndTime() > 0 ? run.getInfo().getEndTime() : System.currentTimeMillis();
                send(() -> {
                    endpoint.logBatch(runId, List.of(), List.of(), RunRequests.tags(Map.of(PRUNED_TAG, PRUNED_VALUE)));
                    endpoint.terminate(runId, Service.RunStatus.KILLED, ended);
                    return null;
                });
            }
        }
    }

    /** The study's trial runs: those carrying its hash and a spec hash, the parent left out. */
    private List<Service.Run> trialRuns() throws IOException {
        return send(() -> endpoint.searchRuns(experimentId, "tags.`" + STUDY_TAG + "` = '" + studySha256 + "'"))
                .stream().filter(run -> {
                    Map<String, String> tags = tags(run);
                    return tags.containsKey(SPEC_TAG) && !"study".equals(tags.get(ROLE_TAG));
                }).toList();
    }

    private static Map<String, String> tags(Service.Run run) {
        Map<String, String> tags = new LinkedHashMap<>();
        run.getData().getTagsList().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
        return tags;
    }

    @Override
    public void summarize(StudyResults results) throws IOException {
        List<Service.Run> trialRuns = trialRuns();
        for (Service.Run run : trialRuns) {
            String description = results.trialDescriptions().get(tags(run).get(SPEC_TAG));
            if (description != null) {
                send(() -> {
                    endpoint.logBatch(run.getInfo().getRunId(), List.of(), List.of(),
                            RunRequests.tags(Map.of(RunRequests.DESCRIPTION_TAG, description)));
                    return null;
                });
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RunRequests.DESCRIPTION_TAG, results.description());
        results.best().ifPresent(best -> {
            tags.put("vaelab.best_trial", best.name());
            tags.put("vaelab.best_ranked_by", results.rankedBy());
            trialRuns.stream().filter(run -> run.getInfo().getStatus() == Service.RunStatus.FINISHED
                    && best.specSha256().equals(tags(run).get(SPEC_TAG))).findFirst()
                    .ifPresent(run -> tags.put("vaelab.best_run_id", run.getInfo().getRunId()));
        });
        List<Service.Metric> metrics = new ArrayList<>();
        results.metrics().forEach((key, value) -> metrics.add(RunRequests.metric(key, value, results.finished(),
                parent.getStartTime())));
        send(() -> {
            for (int start = 0; start < metrics.size(); start += EventSender.MAX_METRICS_PER_BATCH) {
                endpoint.logBatch(parent.getRunId(), metrics.subList(start, Math.min(metrics.size(),
                        start + EventSender.MAX_METRICS_PER_BATCH)), List.of(), List.of());
            }
            endpoint.logBatch(parent.getRunId(), List.of(), List.of(), RunRequests.tags(tags));
            return null;
        });
    }

    @Override
    public void logArtifact(Path file, String artifactPath) throws IOException {
        send(() -> {
            endpoint.uploadArtifact(parent.getArtifactUri(), file, artifactPath);
            return null;
        });
    }

    @Override
    public void end(RunStatus status) throws IOException {
        long lastTrialEnd = trialRuns().stream().mapToLong(run -> run.getInfo().getEndTime()).max().orElse(0);
        if (parent.getStatus() == RunRequests.status(status) && parent.getEndTime() > 0
                && parent.getEndTime() >= lastTrialEnd) {
            return;
        }
        send(() -> {
            endpoint.terminate(parent.getRunId(), RunRequests.status(status), System.currentTimeMillis());
            return null;
        });
    }

    private static RunStatus status(Service.RunStatus status) {
        return switch (status) {
            case FINISHED -> RunStatus.FINISHED;
            case FAILED -> RunStatus.FAILED;
            case KILLED -> RunStatus.KILLED;
            default -> RunStatus.RUNNING;
        };
    }

    /** A call whose failure becomes an {@link java.io.IOException}: the sweep reports it and goes on. */
    private static <T> T send(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SendFailure failure) {
            throw new IOException("mlflow: " + failure.getMessage(), failure);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws SendFailure;
    }
}
