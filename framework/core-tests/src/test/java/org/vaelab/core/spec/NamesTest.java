package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    private static final List<String> TOP_LEVEL = List.of("name", "seed", "backend", "data", "model", "likelihood",
            "kl", "optimizer", "train", "eval", "tracking");

    @Test
    void closeNamesAreSuggested() {
        assertEquals(Optional.of("hidden"), Names.closest("hiden", List.of("hidden", "activation")));
        assertEquals(Optional.of("optimizer"), Names.closest("optimiser", TOP_LEVEL));
        assertEquals(Optional.of("bernoulli"), Names.closest("bernouli", Set.of("bernoulli")));
        assertEquals(Optional.of("kl"), Names.closest("k", TOP_LEVEL), "one letter added to a two-letter name");
        assertEquals(Optional.of("latent_dim"),
                Names.closest("latent_dm", List.of("latent_dim", "encoder", "decoder")));
    }

    @Test
    void caseIsIgnoredWhenSuggesting() {
        assertEquals(Optional.of("hidden"), Names.closest("Hidden", List.of("hidden", "activation")));
        assertEquals(Optional.of("relu"), Names.closest("RELU", List.of("relu", "tanh", "elu")));
    }

    @Test
    void farNamesAreNotSuggested() {
        assertEquals(Optional.empty(), Names.closest("flow", List.of("mlp")));
        assertEquals(Optional.empty(), Names.closest("org.vaelab.plugins.nn.MlpEncoder", List.of("mlp")));
        assertEquals(Optional.empty(), Names.closest("anything", List.of()));
        // at most a third of the letters changed: 2 edits in 6 letters is allowed, 3 is not
        assertEquals(Optional.of("hidden"), Names.closest("hixxen", List.of("hidden")));
        assertEquals(Optional.empty(), Names.closest("hixxxn", List.of("hidden")));
    }

    @Test
    void aSuggestionSharesAtLeastOneLetter() {
        assertEquals(Optional.empty(), Names.closest("x", List.of("y")));
        assertEquals(Optional.empty(), Names.closest("q", List.of("kl")));
        assertEquals(Optional.of("a"), Names.closest("A", List.of("a")));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstAndCloserWins() {
        assertEquals(Optional.of("beta1"), Names.closest("beta", List.of("beta2", "beta1")),
                "equally close: alphabetical");
        assertEquals(Optional.of("beta2"), Names.closest("betx2", List.of("beta1", "beta2")), "closer wins");
        assertEquals(Optional.of("cpu"), Names.closest("gpu", List.of("cuda", "cpu")));
    }

    @Test
    void didYouMeanIsASentenceOrNothing() {
        assertEquals(" Did you mean 'hidden'?", Names.didYouMean("hiden", List.of("hidden", "activation")));
        assertEquals("", Names.didYouMean("flow", List.of("mlp")));
    }

    @ParameterizedTest
    @CsvSource({
        "latentDim, latent_dim",
        "batchSize, batch_size",
        "everyEpochs, every_epochs",
        "logEverySteps, log_every_steps",
        "mcSamples, mc_samples",
        "beta1, beta1",
        "name, name",
        "trainLimit, train_limit",
        "layer2Size, layer2_size",
    })
    void snakeCaseOfRecordComponents(String javaName, String key) {
        assertEquals(key, Names.snakeCase(javaName));
    }

    @Test
    void swappedNeighbouringLettersAreOneChange() {
        assertEquals(1, Names.distance("trian", "train"));
        assertEquals(1, Names.distance("lable", "label"));
        assertEquals(Optional.of("train"), Names.closest("trian", TOP_LEVEL));
        assertEquals(Optional.of("label"), Names.closest("lable", List.of("label", "capacity")));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Names.distance("mlp", "mlp"));
        assertEquals(1, Names.distance("hiden", "hidden"));
        assertEquals(1, Names.distance("optimiser", "optimizer"));
        assertEquals(3, Names.distance("", "abc"));
        assertEquals(3, Names.distance("abc", ""));
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(2, Names.distance("ab", "ba") + Names.distance("a", "b"), "a swap is 1, a substitution 1");
    }
}
