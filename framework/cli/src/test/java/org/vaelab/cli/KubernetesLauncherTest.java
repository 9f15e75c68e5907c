package org.vaelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.study.ShardSelection;

/**
 * {@code vae sweep --launcher k8s}: the indexed Job it writes, checked against the batch/v1 Job
 * schema of the Kubernetes API reference (v1.29, "Job", "PodSpec", "Container", "EnvVar"): the
 * fields each object may have with their types, the required ones, and the rules the API server
 * adds for Jobs (restartPolicy Never or OnFailure; completions set when completionMode is Indexed;
 * names DNS-1123).
 */
class KubernetesLauncherTest {

    /** A field's type: a JSON string, a 32-bit integer, an object of a kind, or a list of one. */
    private record Field(String type, boolean required) {
    }

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    /** The objects of the reference the manifest uses, each with the fields the API takes (a subset). */
    private static final Map<String, Map<String, Field>> SCHEMA = Map.of(
            "Job", Map.of("apiVersion", new Field("string", true), "kind", new Field("string", true),
                    "metadata", new Field("ObjectMeta", true), "spec", new Field("JobSpec", true)),
            "ObjectMeta", Map.of("name", new Field("string", true), "labels", new Field("map", false)),
            "JobSpec", Map.of("template", new Field("PodTemplateSpec", true),
                    "completions", new Field("int32", false),
                    "parallelism", new Field("int32", false), "backoffLimit", new Field("int32", false),
                    "completionMode", new Field("string", false), "activeDeadlineSeconds", new Field("int64", false)),
            "PodTemplateSpec", Map.of("metadata", new Field("ObjectMeta", false), "spec", new Field("PodSpec", true)),
            "PodSpec", Map.of("containers", new Field("[]Container", true),
                    "restartPolicy", new Field("string", false)),
            "Container", Map.of("name", new Field("string", true), "image", new Field("string", false),
                    "command", new Field("[]string", false), "args", new Field("[]string", false),
                    "workingDir", new Field("string", false), "env", new Field("[]EnvVar", false)),
            "EnvVar", Map.of("name", new Field("string", true), "value", new Field("string", false),
                    "valueFrom", new Field("EnvVarSource", false)),
            "EnvVarSource", Map.of("resourceFieldRef", new Field("ResourceFieldSelector", false)),
            "ResourceFieldSelector", Map.of("resource", new Field("string", true),
                    "containerName", new Field("string", false), "divisor", new Field("quantity", false)));

    @TempDir
    Path work;

    @Test
    void theIndexedJobHasTheFieldsAndTypesOfABatchV1JobAndOnePodPerShard() throws Exception {
        Path folder = Files.createDirectories(work.resolve("study"));
        TestSpecs.write(folder, "base.yaml", TestSpecs.TINY_FASHION);
        Path study = TestSpecs.write(folder, "Beta_Latent.yaml", "name: Beta_Latent\n" + TestSpecs.BETA_LATENT_STUDY);
        CommandLineRunner.Outcome written = CommandLineRunner.vae("sweep", study.toString(), "--runs-dir",
                work.resolve("runs").toString(), "--launcher", "k8s", "--shards", "3", "--image",
                "registry.example.org/vaelab:1", "--set", "train.epochs=2");
        assertEquals(0, written.exitCode(), written.out() + written.err());

        JsonNode job = new YAMLMapper().readTree(manifest(work.resolve("runs")).toFile());
        List<String> problems = new ArrayList<>();
        check(job, "Job", "", problems);
        assertEquals(List.of(), problems);
        assertEquals("batch/v1", job.path("apiVersion").asText());
        assertEquals("Job", job.path("kind").asText());
        assertTrue(job.at("/metadata/name").asText().matches(DNS_LABEL), job.at("/metadata/name").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(3, spec.path("completions").asInt());
        assertEquals(3, spec.path("parallelism").asInt());
        assertTrue(Set.of("Never", "OnFailure").contains(spec.at("/template/spec/restartPolicy").asText()));
        JsonNode container = spec.at("/template/spec/containers/0");
        assertTrue(container.path("name").asText().matches(DNS_LABEL));

        List<String> command = new ArrayList<>();
        container.path("command").forEach(word -> command.add(word.asText()));
        assertEquals(List.of("./vae", "sweep", study.toString(), "--set", "train.epochs=2", "--runs-dir",
                work.resolve("runs").toString(), "--parallel", "1", "--shard-count", "3"), command);
        for (int index = 0; index < 3; index++) {
            ShardSelection pod = ShardSelection.resolve(null, 3, Map.of("JOB_COMPLETION_INDEX",
                    Integer.toString(index)));
            assertEquals(index + "/3", pod.shard().toString(), "pod " + index + " runs shard " + index);
        }
    }

    /** Adds to {@code problems} each field of {@code node} the schema of {@code kind} lacks or types otherwise. */
    private static void check(JsonNode node, String kind, String path, List<String> problems) {
        Map<String, Field> fields = SCHEMA.get(kind);
        if (!node.isObject()) {
            problems.add(path + ": not an object (" + kind + ")");
            return;
        }
        fields.forEach((name, field) -> {
            if (field.required() && !node.has(name)) {
                problems.add(path + "." + name + ": required in " + kind);
            }
        });
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            Field field = fields.get(name);
            if (field == null) {
                problems.add(path + "." + name + ": not a field of " + kind);
            } else {
                checkValue(node.get(name), field.type(), path + "." + name, problems);
            }
        }
    }

    private static void checkValue(JsonNode value, String type, String path, List<String> problems) {
        switch (type) {
            case "string" -> expect(value.isTextual(), path, type, problems);
            case "int32" -> expect(value.isInt(), path, type, problems);
            case "int64" -> expect(value.isIntegralNumber(), path, type, problems);
            case "quantity" -> expect(value.isTextual() || value.isNumber(), path, type, problems);
            case "map" -> {
                expect(value.isObject(), path, type, problems);
                value.forEach(entry -> expect(entry.isTextual(), path, "map of strings", problems));
            }
            default -> {
                if (type.startsWith("[]")) {
                    expect(value.isArray() && !value.isEmpty(), path, type, problems);
                    int index = 0;
                    for (JsonNode element : value) {
                        checkValue(element, type.substring(2), path + "[" + index++ + "]", problems);
                    }
                } else {
                    check(value, type, path, problems);
                }
            }
        }
    }

    private static void expect(boolean holds, String path, String type, List<String> problems) {
        if (!holds) {
            problems.add(path + ": not a " + type);
        }
    }

    private static Path manifest(Path runs) throws Exception {
        try (Stream<Path> folders = Files.list(runs.resolve("studies"))) {
            return folders.findFirst().orElseThrow().resolve("k8s-job.yaml");
        }
    }
}
