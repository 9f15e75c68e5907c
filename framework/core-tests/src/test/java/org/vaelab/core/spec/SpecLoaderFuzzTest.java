package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaelab.core.plugin.ComponentCatalog;
import org.vaelab.core.plugin.PluginLoader;
import org.vaelab.core.testing.FuzzSeeds;
import org.vaelab.spi.InvalidInputException;

/**
 * Coverage-guided fuzzing of {@link SpecLoader#parse} with the built-in plugins. Its contract: any
 * text gives a resolved spec or a {@link SpecException} (or an {@link InvalidInputException}) that
 * says what is wrong; any other exception, an out-of-memory error or a hang is a finding. A spec it
 * accepts is canonical: parsing its recorded YAML gives the same hash. Seeded with the shipped
 * configs and experiments and the spec corpus of these tests; crashing inputs are kept under
 * {@code SpecLoaderFuzzTestInputs/parse} and rerun in every build.
 */
class SpecLoaderFuzzTest {

    private static final ComponentCatalog CATALOG = PluginLoader.load(SpecLoaderFuzzTest.class.getClassLoader());
    private static final SpecLoader LOADER = new SpecLoader(CATALOG, name -> null);

    static Stream<byte[]> parse() throws IOException {
        return FuzzSeeds.yamlUnder("configs", "experiments", "framework/core-tests/src/test/resources/specs");
    }

    @MethodSource
    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ResolvedSpec spec;
        try {
            spec = LOADER.parse(text, "fuzz.yaml", List.of());
        } catch (SpecException | InvalidInputException refused) {
            assertFalse(refused.getMessage().isBlank(), "a refusal says what is wrong");
            return;
        }
        assertEquals(spec.sha256(), LOADER.parse(spec.yaml(), "fuzz.resolved.yaml", List.of()).sha256(),
                "the recorded form of a valid spec reads back as the same spec");
    }
}
