package org.vaelab.plugins.data.swissroll;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.plugins.data.split.SplitSize;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.testkit.DocumentedDefaults;

/** The rules of {@link SwissRollConfig}. */
class SwissRollConfigTest {

    private static final SplitSize TENTH = share("0.1");

    @Test
    void documentedDefaults() throws ReflectiveOperationException {
        assertEquals(new SwissRollConfig(10_000, 0.05, TENTH, TENTH, true),
                DocumentedDefaults.of(SwissRollConfig.class, Map.of()));
    }

    @Test
    void fractionsMustLeaveAShareToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new SwissRollConfig(1000, 0.05, share("0.5"), share("0.5"), true));
        assertEquals("test", e.key());
        assertTrue(e.getMessage().contains("validation (0.5) + test (0.5) must be below 1"),
                e.getMessage());
        assertDoesNotThrow(() -> new SwissRollConfig(1000, 0.05, share("0.5"), share("0.49"), true));
        assertDoesNotThrow(() -> new SwissRollConfig(1000, 0.05, SplitSize.NONE, SplitSize.NONE, true));
    }

    @Test
    void fractionsMustLeaveAnExampleToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new SwissRollConfig(10, 0.05, share("0.45"), share("0.5"), true));
        assertEquals("n", e.key());
        assertTrue(e.getMessage().contains("leave none of the 10 examples to train on"), e.getMessage());
    }

    @Test
    void countsMustLeaveAnExampleToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new SwissRollConfig(100, 0.05, SplitSize.count(60), SplitSize.count(40), true));
        assertEquals("n", e.key());
        assertDoesNotThrow(() -> new SwissRollConfig(100, 0.05, SplitSize.count(60), SplitSize.count(39), true));
    }

    private static SplitSize share(String written) {
        return SplitSize.parse(written);
    }
}
