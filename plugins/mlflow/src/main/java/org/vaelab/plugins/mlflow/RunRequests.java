package org.vaelab.plugins.mlflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service;
import org.vaelab.spi.track.RunInfo;
import org.vaelab.spi.track.RunStatus;

/** Turns VAELab's run records into MLflow's protocol messages. */
final class RunRequests {

    /** MLflow accepts at most this many params (and tags) in one log-batch. */
    static final int MAX_PARAMS_PER_BATCH = 100;

    /** The tag MLflow shows as the description of a run or an experiment, in markdown. */
    static final String DESCRIPTION_TAG = "mlflow.note.content";

    private RunRequests() {
    }

    /** The create-run request: name, start time, user and every tag. */
    static Service.CreateRun createRun(String experimentId, RunInfo run) {
        return Service.CreateRun.newBuilder().setExperimentId(experimentId).setRunName(run.runName())
                .setStartTime(run.startMillis()).setUserId(user()).addAllTags(tags(run)).build();
    }

    /**
     * The run's tags: VAELab's own ({@code vaelab.*}, including {@code vaelab.run_id}) and MLflow's
     * system tags ({@code mlflow.user}, {@code mlflow.source.name}, {@code mlflow.source.type},
     * {@code mlflow.source.git.commit} when the spec lives in a git checkout).
     */
    static List<Service.RunTag> tags(RunInfo run) {
        Map<String, String> tags = new LinkedHashMap<>(run.tags());
        tags.put("vaelab.run_id", run.runId());
        tags.put("mlflow.user", user());
        tags.put("mlflow.source.type", "LOCAL");
        tags.put("mlflow.source.name", run.tags().getOrDefault("vaelab.spec_source", run.runName()));
        String commit = run.tags().get("vaelab.git_commit");
        if (commit != null) {
            tags.put("mlflow.source.git.commit", commit.replace("-dirty", ""));
        }
        return tags(tags);
    }

    /** Tags as MLflow's messages. */
    static List<Service.RunTag> tags(Map<String, String> tags) {
        List<Service.RunTag> out = new ArrayList<>();
        tags.forEach((key, value) -> out.add(Service.RunTag.newBuilder().setKey(key).setValue(value).build()));
        return out;
    }

    /** The run's params in batches MLflow accepts. */
    static List<List<Service.Param>> paramBatches(RunInfo run) {
        return paramBatches(run.params());
    }

    /** Params in batches MLflow accepts. */
    static List<List<Service.Param>> paramBatches(Map<String, String> values) {
        List<Service.Param> params = new ArrayList<>();
        values.forEach((key, value) -> params.add(Service.Param.newBuilder().setKey(key).setValue(value).build()));
        List<List<Service.Param>> batches = new ArrayList<>();
        for (int start = 0; start < params.size(); start += MAX_PARAMS_PER_BATCH) {
            batches.add(params.subList(start, Math.min(params.size(), start + MAX_PARAMS_PER_BATCH)));
        }
        return batches;
    }

    /** One metric point. */
    static Service.Metric metric(String key, double value, long step, long timestampMillis) {
        return Service.Metric.newBuilder().setKey(key).setValue(value).setStep(step).setTimestamp(timestampMillis)
                .build();
    }

    /** MLflow's name for a run status; PRUNED, which MLflow has not, is KILLED. */
    static Service.RunStatus status(RunStatus status) {
        return status == RunStatus.PRUNED ? Service.RunStatus.KILLED : Service.RunStatus.valueOf(status.name());
    }

    /** The user MLflow records as a run's owner. */
    static String user() {
        return System.getProperty("user.name", "unknown");
    }
}
