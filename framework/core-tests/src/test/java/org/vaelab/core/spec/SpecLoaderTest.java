package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.plugins.data.mnist.MnistConfig;
import org.vaelab.plugins.kl.BetaConfig;
import org.vaelab.plugins.nn.MlpConfig;
import org.vaelab.plugins.optim.AdamConfig;
import org.vaelab.spi.nn.Activation;

class SpecLoaderTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(SpecLoaderTest.class.getClassLoader());

    /** The smallest valid spec: everything else comes from defaults. */
    static final String MINIMAL = """
            name: minimal
            data: {type: mnist}
            model:
              latent_dim: 20
              encoder: {type: mlp}
              decoder: {type: mlp}
            likelihood: {type: bernoulli}
            """;

    static final String MINIMAL_RESOLVED = """
            name: minimal
            seed: 42
            backend: cpu
            data:
              type: mnist
              variant: fashion
              validation: 1/12
              binarize: none
              dequantize: none
              train_limit: 0
              test_limit: 0
              download: false
            model:
              latent_dim: 20
              encoder:
                type: mlp
                hidden:
                - 400
                activation: relu
                layer_norm: false
                dropout: 0.0
              decoder:
                type: mlp
                hidden:
                - 400
                activation: relu
                layer_norm: false
                dropout: 0.0
              family:
                type: vae
            likelihood:
              type: bernoulli
            kl:
              type: beta
              beta: 1.0
            optimizer:
              type: adam
              lr: 0.001
              beta1: 0.9
              beta2: 0.999
              epsilon: 1.0E-8
              schedule:
                kind: constant
                warmup_steps: 0
            train:
              epochs: 10
              batch_size: 128
              mc_samples: 1
              log_every_steps: 50
              checkpoint_every_epochs: 1
            eval:
              every_epochs: 1
              batch_size: 1000
              iwae_samples: 100
              iwae_examples: 1000
              disentanglement_options:
                train_points: 10000
                test_points: 5000
                batch_size: 64
                variance_samples: 10000
                bins: 20
                trees: 10
                seed: 0
            tracking: []
            """;

    /** Set by {@link Tripwire}'s static initializer: true only if a spec made the JVM initialize that class. */
    static volatile boolean tripwireInitialized;

    private static ResolvedSpec parse(String text, Map<String, String> environment, String... overrides) {
        return new SpecLoader(CATALOG, environment::get).parse(text, "test.yaml", List.of(overrides));
    }

    private static ResolvedSpec parse(String text, String... overrides) {
        return parse(text, Map.of(), overrides);
    }

    private static SpecException rejected(String text, String... overrides) {
        return assertThrows(SpecException.class, () -> parse(text, overrides));
    }

    @Test
    void minimalSpecGetsEveryDefault() {
        ResolvedSpec resolved = parse(MINIMAL);
        assertEquals(MINIMAL_RESOLVED, resolved.yaml());

        ExperimentSpec spec = resolved.spec();
        assertEquals("minimal", spec.name());
        assertEquals(42L, spec.seed());
        assertEquals(ExperimentSpec.Backend.CPU, spec.backend());
        assertEquals(20, spec.model().latentDim());
        assertEquals(new MlpConfig(List.of(400), Activation.RELU), spec.model().encoder().config());
        assertEquals("adam", spec.optimizer().type());
        AdamConfig adam = assertInstanceOf(AdamConfig.class, spec.optimizer().config());
        assertEquals(0.001, adam.lr());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1.0e-8, adam.epsilon());
        assertEquals("beta", spec.kl().type());
        assertEquals(1.0, assertInstanceOf(BetaConfig.class, spec.kl().config()).beta());
        assertEquals(new TrainSpec(10, 128, 1, 50, 1, null, null), spec.train());
        assertEquals(128, spec.train().batchSize());
        assertEquals(1, spec.eval().everyEpochs());
        assertEquals(List.of(), spec.tracking());
        MnistConfig mnist = assertInstanceOf(MnistConfig.class, spec.data().config());
        assertNull(mnist.path(), "an optional key left out stays unset");
    }

    @Test
    void resolvedYamlReparsesToTheSameTextAndHash() {
        ResolvedSpec first = parse(MINIMAL);
        ResolvedSpec second = parse(first.yaml());
        assertEquals(first.yaml(), second.yaml());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(first.spec(), second.spec());
        assertEquals(first.params(), second.params());
        ResolvedSpec third = parse(second.yaml());
        assertEquals(second.sha256(), third.sha256(), "resolving is idempotent");
    }

    @Test
    void hashIsTheSha256OfTheResolvedText() throws Exception {
        ResolvedSpec resolved = parse(MINIMAL);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(resolved.yaml().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest), resolved.sha256());
        assertEquals(64, resolved.sha256().length());
    }

    @Test
    void writingDefaultsOutOrLeavingThemOutGivesTheSameHash() {
        String explicit = MINIMAL + "kl: {type: beta, beta: 1.0}\noptimizer: {type: adam, lr: 1.0e-3}\ntrain: "
                + "{batch_size: 128}\n";
        assertEquals(parse(MINIMAL).sha256(), parse(explicit).sha256());
        assertFalse(parse(MINIMAL).sha256().equals(parse(MINIMAL, "kl.beta=2").sha256()),
                "a changed value changes the hash");
    }

    @Test
    void keyOrderInTheFileDoesNotChangeTheResolvedSpec() {
        String reordered = """
                likelihood: {type: bernoulli}
                model:
                  decoder: {type: mlp}
                  encoder: {type: mlp}
                  latent_dim: 20
                data: {type: mnist}
                name: minimal
                """;
        assertEquals(parse(MINIMAL).yaml(), parse(reordered).yaml());
    }

    @Test
    void flattenedParamsUseDottedKeys() {
        Map<String, String> params = parse(MINIMAL).params();
        assertEquals("20", params.get("model.latent_dim"));
        assertEquals("[400]", params.get("model.encoder.hidden"));
        assertEquals("relu", params.get("model.encoder.activation"));
        assertEquals("0.001", params.get("optimizer.lr"));
        assertEquals("adam", params.get("optimizer.type"));
        assertEquals("128", params.get("train.batch_size"));
        assertFalse(params.containsKey("tracking"), "where results go is not a param");
        assertFalse(params.containsKey("data.path"), "unset optional values are not logged");
        assertEquals(List.of("name", "seed", "backend"), params.keySet().stream().limit(3).toList(), "record order");
    }

    @Test
    void flattenIndexesListsOfMappingsButNotListsOfScalars() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("hidden", List.of(512, 256));
        plain.put("tracking", List.of(Map.of("type", "a"), Map.of("type", "b")));
        plain.put("nested", Map.of("x", Map.of("y", 1)));
        assertEquals(Map.of("hidden", "[512, 256]", "tracking.0.type", "a", "tracking.1.type", "b", "nested.x.y", "1"),
                ResolvedSpec.flatten(plain));
    }

    @Test
    void variableDefaultIsUsedWhenUnset() {
        String text = MINIMAL.replace("latent_dim: 20", "latent_dim: ${LATENT:-7}")
                + "train:\n  epochs: ${EPOCHS:-3}\n";
        ResolvedSpec resolved = parse(text);
        assertEquals(7, resolved.spec().model().latentDim());
        assertEquals(3, resolved.spec().train().epochs(), "${EPOCHS:-3} binds the integer 3");
        assertTrue(resolved.yaml().contains("  epochs: 3\n"), "the resolved spec holds the number, not the reference");
    }

    @Test
    void variableIsUsedWhenSet() {
        String text = MINIMAL.replace("name: minimal", "name: run-${USER_TAG:-anon}")
                + "train:\n  epochs: ${EPOCHS:-3}\n";
        ResolvedSpec resolved = parse(text, Map.of("EPOCHS", "12", "USER_TAG", "alice"));
        assertEquals(12, resolved.spec().train().epochs());
        assertEquals("run-alice", resolved.spec().name());
    }

    @Test
    void aValueFromTheEnvironmentIsRecordedAsTheSpecWroteIt() {
        String text = MINIMAL.replace("data: {type: mnist}", "data: {type: mnist, path: '${SECRET_DIR}/mnist', cache: "
                + "'${CACHE:-cache}'}") + "train:\n  epochs: ${EPOCHS:-3}\n";
        ResolvedSpec resolved = parse(text, Map.of("SECRET_DIR", "/home/hunter2", "EPOCHS", "12"));
        assertEquals(12, resolved.spec().train().epochs(), "the run uses the value");
        assertEquals("/home/hunter2/mnist", ((MnistConfig) resolved.spec().data().config()).path());
        assertEquals("${SECRET_DIR}/mnist", resolved.params().get("data.path"), "recorded as written");
        assertEquals("${EPOCHS:-3}", resolved.params().get("train.epochs"));
        assertEquals("cache", resolved.params().get("data.cache"),
                "an unset variable's default is spelled out in the spec");
        assertTrue(resolved.yaml().contains("  path: \"${SECRET_DIR}/mnist\"\n"), resolved.yaml());
        assertFalse(resolved.yaml().contains("hunter2") || resolved.recorded().toString().contains("hunter2"));
        assertEquals(resolved.sha256(), parse(text, Map.of("SECRET_DIR", "/elsewhere", "EPOCHS", "5")).sha256(),
                "the environment is where a run runs, not what it is");

        ResolvedSpec overridden = parse(text, Map.of("SECRET_DIR", "/home/hunter2", "EPOCHS", "12"), "train.epochs=4");
        assertEquals("4", overridden.params().get("train.epochs"), "a --set value is spelled out");
        assertEquals("${SECRET_DIR}/mnist", overridden.params().get("data.path"),
                "the rest of the spec is recorded as before");
    }

    @Test
    void credentialsInAUriAreMaskedWhereverTheyCameFrom() {
        String text = MINIMAL.replace("data: {type: mnist}", "data: {type: mnist, download: true, mirrors: "
                + "['https://alice:hunter2@mirror.example/mnist/', 'https://${TOKEN}@other.example/', "
                + "'http://plain.example/']}");
        ResolvedSpec resolved = parse(text, Map.of("TOKEN", "t0k3n"));
        assertEquals(List.of("https://alice:hunter2@mirror.example/mnist/", "https://t0k3n@other.example/",
                "http://plain.example/"), ((MnistConfig) resolved.spec().data().config()).mirrors(),
                "the run uses them");
        assertEquals("[https://***@mirror.example/mnist/, https://***@other.example/, http://plain.example/]",
                resolved.params().get("data.mirrors"));
        assertFalse(resolved.yaml().contains("hunter2") || resolved.yaml().contains("alice"), resolved.yaml());
    }

    @Test
    void aSetValueIsInterpolatedAndRecordedLikeTheSameTextInTheFile() {
        ResolvedSpec resolved = parse(MINIMAL, Map.of("SECRET_DIR", "/home/hunter2", "EPOCHS", "12"),
                "data.path=${SECRET_DIR}/mnist", "train.epochs=${EPOCHS:-3}", "model.latent_dim=${LATENT:-7}");
        assertEquals("/home/hunter2/mnist", ((MnistConfig) resolved.spec().data().config()).path(),
                "the run uses the value");
        assertEquals(12, resolved.spec().train().epochs());
        assertEquals(7, resolved.spec().model().latentDim());
        assertEquals("${SECRET_DIR}/mnist", resolved.params().get("data.path"), "recorded as written");
        assertEquals("${EPOCHS:-3}", resolved.params().get("train.epochs"));
        assertEquals("7", resolved.params().get("model.latent_dim"), "an unset variable's default is spelled out");
        assertFalse(resolved.yaml().contains("hunter2"), resolved.yaml());

        SpecException unset = rejected(MINIMAL, "model.latent_dim=${LATENT}");
        assertEquals("spec/UnsetVariable", unset.problems().get(0).id().code());
        assertEquals("--set model.latent_dim=${LATENT}", unset.problems().get(0).location().toString());
    }

    @Test
    void aPasswordInASetUriIsMaskedInTheRecordAndInMessages() {
        ResolvedSpec resolved = parse(MINIMAL, "data.mirrors=['https://alice:hunter2@mirror.example/mnist/']");
        assertEquals("[https://***@mirror.example/mnist/]", resolved.params().get("data.mirrors"));
        SpecException e = rejected(MINIMAL, "data.mirors=['https://alice:hunter2@mirror.example/']");
        assertEquals("--set data.mirors=['https://***@mirror.example/']", e.problems().get(0).location().toString());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void variableSetToTheEmptyStringIsSetNotDefaulted() {
        // as in a POSIX shell, ${X:-d} only replaces an unset variable here; an empty one stays empty
        String text = MINIMAL.replace("name: minimal", "name: a${SUFFIX:-bc}");
        assertEquals("a", parse(text, Map.of("SUFFIX", "")).spec().name());
        assertEquals("abc", parse(text, Map.of()).spec().name());
    }

    @Test
    void unsetVariableWithoutDefaultIsAProblemAtItsPath() {
        String text = MINIMAL.replace("latent_dim: 20", "latent_dim: ${LATENT}");
        SpecException e = assertThrows(SpecException.class, () -> parse(text, Map.of("OTHER", "1")));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("spec/UnsetVariable", problem.id().code());
        assertEquals("model.latent_dim", problem.path());
        assertEquals(Location.at(4, 15), problem.location());
        assertTrue(problem.message().contains("LATENT"), problem.message());
    }

    @Test
    void setOverridesTakeEffect() {
        ResolvedSpec resolved = parse(MINIMAL + "kl: {type: beta}\n", "kl.beta=4", "model.encoder.hidden=[512,256]");
        assertEquals(4.0, ((BetaConfig) resolved.spec().kl().config()).beta());
        assertEquals(List.of(512, 256), ((MlpConfig) resolved.spec().model().encoder().config()).hidden());
        assertEquals(List.of(400), ((MlpConfig) resolved.spec().model().decoder().config()).hidden(),
                "the decoder is untouched");
        assertEquals("[512, 256]", resolved.params().get("model.encoder.hidden"));
        assertEquals("4.0", resolved.params().get("kl.beta"));
    }

    @Test
    void setOverridesReplaceValuesWrittenInTheFile() {
        ResolvedSpec resolved = parse(MINIMAL, "model.latent_dim=2", "name=other", "train.epochs=1", "train.epochs=5");
        assertEquals(2, resolved.spec().model().latentDim());
        assertEquals("other", resolved.spec().name());
        assertEquals(5, resolved.spec().train().epochs(), "later assignments win");
    }

    @Test
    void setOfAKeyInAnAbsentComponentBlockUsesTheDefaultType() {
        // MINIMAL has no kl block; kl defaults to {type: beta}
        ResolvedSpec resolved = parse(MINIMAL, "kl.beta=4", "optimizer.lr=0.01");
        assertEquals("beta", resolved.spec().kl().type());
        assertEquals(4.0, ((BetaConfig) resolved.spec().kl().config()).beta());
        assertEquals("adam", resolved.spec().optimizer().type());
        assertEquals(0.01, ((AdamConfig) resolved.spec().optimizer().config()).lr());
    }

    @Test
    void aComponentWrittenWithoutTypeTakesItsDefaultType() {
        ResolvedSpec resolved = parse(MINIMAL + "kl: {beta: 4}\n");
        assertEquals("beta", resolved.spec().kl().type());
        assertEquals(4.0, ((BetaConfig) resolved.spec().kl().config()).beta());
        assertEquals("beta", resolved.params().get("kl.type"));
        // a component without a default still needs its type
        Problem problem = rejected(MINIMAL.replace("encoder: {type: mlp}", "encoder: {hidden: [8]}")).problems().get(0);
        assertEquals("spec/MissingKey", problem.id().code());
        assertEquals("model.encoder.type", problem.path());
    }

    @Test
    void aNullComponentListsTheKnownTypes() {
        Problem problem = rejected(MINIMAL.replace("likelihood: {type: bernoulli}", "likelihood: ~")).problems().get(0);
        assertEquals("spec/WrongType", problem.id().code());
        assertEquals("likelihood", problem.path());
        assertEquals("expected a mapping with a 'type' key for the likelihood, found null. Known types: bernoulli, "
                + "continuous_bernoulli, gaussian, laplace", problem.message());
    }

    @Test
    void setCanReplaceAWholeComponent() {
        ResolvedSpec resolved = parse(MINIMAL, "model.decoder={type: mlp, hidden: [64], activation: tanh}");
        assertEquals(new MlpConfig(List.of(64), Activation.TANH), resolved.spec().model().decoder().config());
    }

    @Test
    void setOfAnUnknownKeyIsReportedAtTheAssignment() {
        SpecException e = rejected(MINIMAL, "model.encoder.hiden=[512]");
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("spec/UnknownKey", problem.id().code());
        assertEquals("model.encoder.hiden", problem.path());
        assertEquals(Location.override("model.encoder.hiden=[512]"), problem.location());
        assertEquals("--set model.encoder.hiden=[512]", problem.location().toString());
        assertTrue(problem.message().contains("Did you mean 'hidden'?"), problem.message());
    }

    @Test
    void setOfAnUnknownTopLevelKeyIsReported() {
        SpecException e = rejected(MINIMAL, "optimiser.lr=0.1");
        Problem problem = e.problems().get(0);
        assertEquals("spec/UnknownKey", problem.id().code());
        assertEquals("optimiser", problem.path());
        assertEquals("--set optimiser.lr=0.1", problem.location().toString());
        assertTrue(problem.message().contains("Did you mean 'optimizer'?"), problem.message());
    }

    @Test
    void setWithoutEqualsIsABadOverride() {
        SpecException e = rejected(MINIMAL, "kl.beta");
        assertEquals(List.of("spec/BadOverride"), e.problems().stream().map(p -> p.id().code()).toList());
        assertEquals("--set kl.beta", e.problems().get(0).location().toString());
        SpecException empty = rejected(MINIMAL, "=4");
        assertEquals("spec/BadOverride", empty.problems().get(0).id().code());
    }

    @Test
    void aKeyWithAnEmptyPartIsABadOverrideNotACrash() {
        for (String assignment : List.of("..=1", ".=1", "kl.=4", ".kl.beta=4", "model..latent_dim=2", " =4")) {
            SpecException e = rejected(MINIMAL, assignment);
            assertEquals(List.of("spec/BadOverride"), e.problems().stream().map(p -> p.id().code()).toList(),
                    assignment);
            assertTrue(e.problems().get(0).message().contains("such as kl.beta"), e.getMessage());
        }
    }

    @Test
    void everyProblemIsReportedTogetherAndNumbered() {
        String text = MINIMAL.replace("latent_dim: 20", "latent_dim: 0")
                + "kl: {type: beta, beta: -1}\noptimiser: {}\n";
        SpecException e = rejected(text, "train.epochs=0");
        List<String> ids = e.problems().stream().map(p -> p.id() + " " + p.path()).toList();
        assertEquals(List.of("spec/UnknownKey optimiser", "spec/BadValue model.latent_dim", "spec/BadValue kl.beta",
                "spec/BadValue train.epochs"), ids);
        List<String> lines = e.getMessage().lines().toList();
        assertEquals("test.yaml: 4 problems, nothing was run", lines.get(0));
        assertEquals(5, lines.size());
        for (int i = 1; i <= 4; i++) {
            assertTrue(lines.get(i).startsWith(i + ") [spec/"), lines.get(i));
        }
    }

    @Test
    void oneProblemIsSingular() {
        SpecException e = rejected(MINIMAL.replace("latent_dim: 20", "latent_dim: 0"));
        assertEquals("test.yaml: 1 problem, nothing was run" + System.lineSeparator()
                + "1) [spec/BadValue] model.latent_dim (line 4, col 15): must be >= 1, found 0", e.getMessage());
    }

    @Test
    void valuesAreCheckedAgainstParamBounds() {
        assertEquals(0.0, ((BetaConfig) parse(MINIMAL + "kl: {type: beta, beta: 0}\n").spec().kl().config()).beta(),
                "min is inclusive");
        assertEquals("spec/BadValue",
                rejected(MINIMAL + "optimizer: {type: adam, lr: 0.0}\n").problems().get(0).id().code(),
                "above is exclusive");
        assertEquals(4096, parse(MINIMAL, "model.latent_dim=4096").spec().model().latentDim(), "max is inclusive");
        assertEquals("model.latent_dim", rejected(MINIMAL, "model.latent_dim=4097").problems().get(0).path());
        assertEquals("model.encoder.hidden[1]",
                rejected(MINIMAL, "model.encoder.hidden=[8, 0]").problems().get(0).path(),
                "bounds apply to every element of a list");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        for (String value : List.of(".nan", ".NaN", ".inf", "-.inf", "NaN", "Infinity", "1e999")) {
            SpecException e = rejected(MINIMAL + "optimizer: {type: adam, lr: " + value + "}\n");
            assertEquals(1, e.problems().size(), value + ": " + e.getMessage());
            assertEquals("spec/BadValue", e.problems().get(0).id().code(), value);
            assertTrue(e.problems().get(0).message().startsWith("must be a finite number"), e.getMessage());
        }
    }

    @Test
    void wholeNumbersOutsideTheirTypeAreOutOfRange() {
        SpecException e = rejected(MINIMAL + "eval: {every_epochs: 3000000000}\nseed: 99999999999999999999\n");
        assertEquals(List.of("seed", "eval.every_epochs"), e.problems().stream().map(Problem::path).toList());
        assertEquals("must be <= 9223372036854775807, found 99999999999999999999", e.problems().get(0).message());
        assertEquals("must be <= 2147483647, found 3000000000", e.problems().get(1).message());
        assertEquals(Long.MAX_VALUE, parse(MINIMAL + "seed: 9223372036854775807\n").spec().seed());
    }

    @Test
    void quotedNumbersAreReadFromText() {
        // binding reads numbers from text so that interpolated values work; quoting changes nothing
        assertEquals(5, parse(MINIMAL + "train: {epochs: '5'}\n").spec().train().epochs());
    }

    @Test
    void enumsAreLowerCaseAndSuggestTheClosest() {
        assertEquals(ExperimentSpec.Backend.CUDA, parse(MINIMAL + "backend: cuda\n").spec().backend());
        Problem problem = rejected(MINIMAL + "backend: CUDA\n").problems().get(0);
        assertEquals("backend", problem.path());
        assertEquals("must be one of cpu, cuda, found the text 'CUDA'. Did you mean 'cuda'?", problem.message());
    }

    @Test
    void experimentNameMustBeSafeForAFolder() {
        for (String name : List.of("../../etc", "/abs", "a/b", ".hidden", "-dash", "a b", "x".repeat(101), "''")) {
            SpecException e = rejected(MINIMAL.replace("name: minimal", "name: " + name));
            assertEquals("name", e.problems().get(0).path(), name);
            assertEquals("spec/BadValue", e.problems().get(0).id().code(), name);
        }
        assertEquals("mnist-mlp_v1.2", parse(MINIMAL.replace("name: minimal", "name: mnist-mlp_v1.2")).spec().name());
        assertEquals("x".repeat(100), parse(MINIMAL.replace("name: minimal", "name: " + "x".repeat(100))).spec()
                .name());
    }

    @Test
    void aJavaClassNameIsNeverLoaded() {
        String type = Tripwire.class.getName();
        SpecException e = rejected(MINIMAL.replace("encoder: {type: mlp}", "encoder: {type: " + type + "}"));
        assertEquals("spec/UnknownType", e.problems().get(0).id().code());
        assertTrue(e.problems().get(0).message().contains("'" + type + "'"), e.getMessage());
        assertFalse(tripwireInitialized, "the class named in the spec was initialized");
    }

    @Test
    void aDeviceWithoutEndIsReadNoFurtherThanTheLimit() {
        Path endless = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(endless), "a device without end, such as Linux's");
        SpecLoader loader = new SpecLoader(CATALOG, name -> null);
        assertEquals("[spec/TooLarge] (line 1, col 1): the file has more than 1048576 bytes; specs are "
                + "limited to 1048576 bytes", assertThrows(SpecException.class, () -> loader.load(endless, List.of()))
                .problems().get(0).format(), "its size is 0, not its length");
    }

    @Test
    void specsAreLimitedInSizeAndMustBeFiles(@TempDir Path dir) throws IOException {
        SpecLoader loader = new SpecLoader(CATALOG, name -> null);
        SpecException missing = assertThrows(SpecException.class,
                () -> loader.load(dir.resolve("nope.yaml"), List.of()));
        assertEquals("spec/FileNotFound", missing.problems().get(0).id().code());
        assertTrue(missing.getMessage().startsWith(dir.resolve("nope.yaml") + ": 1 problem"), missing.getMessage());

        SpecException directory = assertThrows(SpecException.class, () -> loader.load(dir, List.of()));
        assertEquals("spec/NotAFile", directory.problems().get(0).id().code());

        Path large = dir.resolve("large.yaml");
        Files.writeString(large, MINIMAL + "#".repeat((int) YamlFile.MAX_BYTES));
        assertEquals("spec/TooLarge", assertThrows(SpecException.class, () -> loader.load(large, List.of()))
                .problems().get(0).id().code());

        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, (MINIMAL + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("spec/NotUtf8", assertThrows(SpecException.class, () -> loader.load(latin1, List.of()))
                .problems().get(0).id().code());

        Path good = dir.resolve("good.yaml");
        Files.writeString(good, MINIMAL);
        assertEquals(parse(MINIMAL).sha256(), loader.load(good, List.of()).sha256());
    }

    @Test
    void loadingTheQuickstartConfigWorks() throws IOException {
        Path quickstart = Path.of(System.getProperty("basedir", ".")).resolve("../../configs/quickstart.yaml");
        ResolvedSpec resolved = new SpecLoader(CATALOG, name -> null).load(quickstart, List.of());
        assertEquals("quickstart", resolved.spec().name());
        assertEquals(3, resolved.spec().train().epochs());
    }

    /** Named by a spec in {@link #aJavaClassNameIsNeverLoaded}; initializing it would be a security hole. */
    static final class Tripwire {
        static {
            tripwireInitialized = true;
        }

        private Tripwire() {
        }
    }
}
