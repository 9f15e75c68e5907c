package org.vaelab.plugins.data.swissroll;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.testkit.DocumentedDefaults;

/** The rules of {@link SwissRollConfig}. */
class SwissRollConfigTest {

    @Test
    void documentedDefaults() throws ReflectiveOperationException {
        assertEquals(new SwissRollConfig(10_000, 0.05, 0.1, 0.1, true),
                DocumentedDefaults.of(SwissRollConfig.class, Map.of()));
    }

    @Test
    void fractionsMustLeaveAShareToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new SwissRollConfig(1000, 0.05, 0.5, 0.5, true));
        assertEquals("test_fraction", e.key());
        assertTrue(e.getMessage().contains("validation_fraction (0.5) + test_fraction (0.5) must be below 1"),
                e.getMessage());
        assertDoesNotThrow(() -> new SwissRollConfig(1000, 0.05, 0.5, 0.49, true));
        assertDoesNotThrow(() -> new SwissRollConfig(1000, 0.05, 0, 0, true));
    }

    @Test
    void fractionsMustLeaveAnExampleToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new SwissRollConfig(10, 0.05, 0.45, 0.5, true));
        assertEquals("n", e.key());
        assertTrue(e.getMessage().contains("leave none of the 10 examples to train on"), e.getMessage());
    }
}
