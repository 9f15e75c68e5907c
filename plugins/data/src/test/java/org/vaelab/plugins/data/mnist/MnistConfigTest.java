package org.vaelab.plugins.data.mnist;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaelab.plugins.data.mnist.MnistTesting.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/** The rules of {@link MnistConfig}. */
class MnistConfigTest {

    @Test
    void validationMustLeaveTrainingImagesWithinTheLimit() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config(null, 1000, Binarization.NONE, 1000, 0));
        assertEquals("validation", e.key());
        assertTrue(e.getMessage().contains("train_limit (1000)"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> config(null, 2000, Binarization.NONE, 1000, 0));
        assertDoesNotThrow(() -> config(null, 999, Binarization.NONE, 1000, 0));
        assertDoesNotThrow(() -> config(null, 5000, Binarization.NONE, 0, 0), "0 means no limit");
    }

    @Test
    void digitsNeedAPath() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new MnistConfig(MnistVariant.DIGITS, null, 5000, Binarization.NONE, 0, 0));
        assertEquals("path", e.key());
        assertTrue(e.getMessage().contains("set data.path to the folder holding the four MNIST IDX files"),
                e.getMessage());
        assertDoesNotThrow(() -> new MnistConfig(MnistVariant.DIGITS, "mnist", 5000, Binarization.NONE, 0, 0));
    }

    @Test
    void documentedDefaultsMakeTheFashionConfiguration() throws ReflectiveOperationException {
        RecordComponent[] components = MnistConfig.class.getRecordComponents();
        Object[] defaults = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            defaults[i] = parse(components[i].getType(), components[i].getAnnotation(Param.class).defaultValue());
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        MnistConfig config = MnistConfig.class.getDeclaredConstructor(types).newInstance(defaults);
        assertEquals(new MnistConfig(MnistVariant.FASHION, null, 5000, Binarization.NONE, 0, 0), config);
    }

    /** Reads a default the way the framework binds YAML scalars: enums by lower-case name. */
    private static Object parse(Class<?> type, String value) {
        if (value.equals(Param.NONE)) {
            return null;
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        assertEquals(value.toLowerCase(Locale.ROOT), value, "enum defaults are lower case");
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> ((Enum<?>) c).name().equals(value.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }
}
