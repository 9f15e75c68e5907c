package org.vaelab.plugins.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.vaelab.plugins.optim.schedule.LearningRateSchedule;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.optim.Optimizer;
import org.vaelab.testkit.DocumentedDefaults;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The plugin registers every optimizer under its YAML name, and each factory's documented
 * defaults make a valid configuration with the values the javadoc promises.
 */
class OptimizersPluginTest {

    /** A run of 10 epochs of 100 steps. */
    private static final TrainingHorizon RUN = new TrainingHorizon(100, 10);

    private static final Map<String, ComponentFactory<?, Optimizer>> REGISTRY =
            Guice.createInjector(new OptimizersPlugin())
                    .getInstance(Key.get(new TypeLiteral<Map<String, ComponentFactory<?, Optimizer>>>() { }));

    private static final LearningRateSchedule CONSTANT = LearningRateSchedule.constant();

    @Test
    void registersEveryOptimizerUnderItsYamlName() {
        assertEquals(List.of("adam", "adamw", "rmsprop", "sgd"), REGISTRY.keySet().stream().sorted().toList());
    }

    @Test
    void documentedDefaultsAreTheIntendedSettings() throws ReflectiveOperationException {
        assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8, CONSTANT, null), DocumentedDefaults.of(AdamConfig.class));
        assertEquals(new SgdConfig(0.01, 0, false, CONSTANT, null), DocumentedDefaults.of(SgdConfig.class));
        assertEquals(new RmsPropConfig(1e-3, 0.9, 1e-8, CONSTANT, null), DocumentedDefaults.of(RmsPropConfig.class));
        assertInstanceOf(Adam.class, withDefaults(REGISTRY.get("adam")).updater(RUN));
        assertInstanceOf(Sgd.class, withDefaults(REGISTRY.get("sgd")).updater(RUN));
        assertInstanceOf(RmsProp.class, withDefaults(REGISTRY.get("rmsprop")).updater(RUN));
    }

    private static <C extends Record> Optimizer withDefaults(ComponentFactory<C, Optimizer> factory)
            throws ReflectiveOperationException {
        return factory.create(DocumentedDefaults.of(factory.configType()));
    }



}
