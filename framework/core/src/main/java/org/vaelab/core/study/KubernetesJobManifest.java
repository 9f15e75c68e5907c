package org.vaelab.core.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study as a Kubernetes indexed Job (batch/v1 Job, {@code completionMode: Indexed}): one pod per
 * shard, {@code completions} and {@code parallelism} the number of shards, each pod running
 * {@code vae sweep ... --shard-count N} whose shard {@link ShardSelection} reads from the
 * {@code JOB_COMPLETION_INDEX} Kubernetes sets. {@code OMP_NUM_THREADS} and {@code VAE_THREADS} are
 * the container's CPU limit (the downward API's {@code limits.cpu}, the node's CPUs without a limit).
 * A failed pod is started again (up to {@code backoffLimit}, twice the shards), and its shard skips
 * the trials that finished. The summary is not part of the Job: run {@code vae sweep --summarize}
 * once it has completed.
 *
 * @param name the study's folder name, made a DNS-1123 name for the Job
 * @param shards the Job's completions
 * @param image the container image: VAELab with Java and the data, its working directory VAELab's
 *     folder, the study at the same paths relative to it as here
 * @param sweepCommand {@code vae sweep} with the study and the options that give its trials, paths as
 *     the image sees them, without the shard
 */
public record KubernetesJobManifest(String name, int shards, String image, List<String> sweepCommand) {

    /** The manifest's file name in the study folder. */
    public static final String FILE = "k8s-job.yaml";

    /** Longest name of a Job: its name becomes a label value of its pods, at most 63 characters. */
    private static final int MAX_NAME = 63;
    private static final String CONTAINER = "shard";

    public KubernetesJobManifest {
        sweepCommand = List.copyOf(sweepCommand);
    }

    /** The name as Kubernetes takes it: lower case letters, digits and '-', starting and ending alphanumeric. */
    public String jobName() {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        String cut = lower.substring(0, Math.min(MAX_NAME, lower.length()));
        return cut.replaceAll("^-+|-+$", "");
    }

    /** The Job as YAML. */
    public String yaml() {
        List<String> command = new ArrayList<>(sweepCommand);
        command.addAll(List.of("--shard-count", Integer.toString(shards)));
        Map<String, Object> container = ordered("name", CONTAINER, "image", image, "command", command,
                "env", List.of(cpuLimit("OMP_NUM_THREADS"), cpuLimit("VAE_THREADS")));
        Map<String, Object> spec = ordered("completionMode", "Indexed", "completions", shards, "parallelism", shards,
                "backoffLimit", shards * 2, "template", ordered("spec", ordered("restartPolicy", "Never",
                        "containers", List.of(container))));
        Map<String, Object> job = ordered("apiVersion", "batch/v1", "kind", "Job", "metadata", ordered("name",
                jobName(), "labels", ordered("vaelab.study", jobName())), "spec", spec);
        try {
            return new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always writes as YAML", e);
        }
    }

    /** An environment variable holding the container's CPU limit, rounded up to whole CPUs. */
    private static Map<String, Object> cpuLimit(String variable) {
        return ordered("name", variable, "valueFrom", ordered("resourceFieldRef",
                ordered("containerName", CONTAINER, "resource", "limits.cpu", "divisor", "1")));
    }

    /** A map of the keys and values given in turn, written in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
