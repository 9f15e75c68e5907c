package org.vaelab.plugins.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.ValueRange;
import org.vaelab.spi.likelihood.Likelihood;
import org.vaelab.testkit.DocumentedDefaults;

/**
 * The plugin registers every likelihood under its YAML name; each factory's documented defaults
 * make the intended configuration; and every likelihood, made from its defaults, works on data of
 * one value per example and refuses only data it cannot model.
 */
class LikelihoodsPluginTest {

    private static final Map<String, ComponentFactory<?, Likelihood>> REGISTRY =
            Guice.createInjector(new LikelihoodsPlugin())
                    .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Likelihood>>>() { }));

    @Test
    void registersEveryLikelihoodUnderItsYamlName() throws ReflectiveOperationException {
        assertEquals(List.of("bernoulli", "continuous_bernoulli", "gaussian", "laplace"),
                REGISTRY.keySet().stream().sorted().toList());
        assertEquals(ContinuousBernoulliConfig.class, REGISTRY.get("continuous_bernoulli").configType());
        assertInstanceOf(ContinuousBernoulliLikelihood.class, createWithDefaults(REGISTRY.get("continuous_bernoulli")));
        assertEquals(GaussianConfig.class, REGISTRY.get("gaussian").configType());
        assertEquals(LaplaceConfig.class, REGISTRY.get("laplace").configType());
        REGISTRY.values().forEach(factory -> assertFalse(factory.description().isBlank()));
    }

    @Test
    void documentedDefaultsAreTheIntendedSettings() throws ReflectiveOperationException {
        assertEquals(new GaussianConfig(ScaleMode.FIXED, 1, -9, 4),
                DocumentedDefaults.of(REGISTRY.get("gaussian").configType()));
        assertEquals(new LaplaceConfig(ScaleMode.FIXED, 1, -4.5, 2),
                DocumentedDefaults.of(REGISTRY.get("laplace").configType()));
        assertEquals(new ContinuousBernoulliConfig(),
                DocumentedDefaults.of(REGISTRY.get("continuous_bernoulli").configType()));
    }

    /** SameDiff 1.0.0-M2.1 fails to sum over a dimension of size 1; {@link StableMath#sumOverValues} does not. */
    @Test
    void everyDefaultLikelihoodWorksOnOneValuePerExample() throws ReflectiveOperationException {
        for (Map.Entry<String, ComponentFactory<?, Likelihood>> entry : REGISTRY.entrySet()) {
            Likelihood likelihood = createWithDefaults(entry.getValue());
            double[][] params = new double[2][likelihood.parametersPerValue()];
            LikelihoodGraph graph = new LikelihoodGraph(likelihood, DataType.FLOAT, params);
            double[] logP = graph.logProbability(new double[][] {{0.25}, {1}});
            assertEquals(2, logP.length, entry.getKey());
            assertTrue(Arrays.stream(logP).allMatch(Double::isFinite), entry.getKey() + ": " + Arrays.toString(logP));
            assertEquals(1, graph.mean()[0].length, entry.getKey());
        }
    }

    @Test
    void onlyTheBernoulliFamilyRefusesRealData() throws ReflectiveOperationException {
        DataShape real = new DataShape(List.of(4), ValueRange.REAL, 0);
        DataShape grey = DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 10);
        for (Map.Entry<String, ComponentFactory<?, Likelihood>> entry : REGISTRY.entrySet()) {
            Likelihood likelihood = createWithDefaults(entry.getValue());
            assertEquals(entry.getKey().contains("bernoulli"), likelihood.incompatibility(real).isPresent(),
                    entry.getKey());
            assertTrue(likelihood.incompatibility(grey).isEmpty(), entry.getKey());
        }
    }

    @Test
    void onlyThePlainBernoulliRefusesDequantizedData() throws ReflectiveOperationException {
        DataShape dequantized = DataShape.image(1, 28, 28, ValueRange.UNIT_INTERVAL, 10).dequantized(256);
        for (Map.Entry<String, ComponentFactory<?, Likelihood>> entry : REGISTRY.entrySet()) {
            Likelihood likelihood = createWithDefaults(entry.getValue());
            assertEquals(entry.getKey().equals("bernoulli"), likelihood.incompatibility(dequantized).isPresent(),
                    entry.getKey());
        }
        String reason = createWithDefaults(REGISTRY.get("bernoulli")).incompatibility(dequantized).orElseThrow();
        assertTrue(reason.contains("not a density") && reason.contains("continuous_bernoulli"), reason);
    }

    private static <C extends Record> Likelihood createWithDefaults(ComponentFactory<C, Likelihood> factory)
            throws ReflectiveOperationException {
        return factory.create(DocumentedDefaults.of(factory.configType()));
    }


}
