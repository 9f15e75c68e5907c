package org.vaelab.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.SpiVersion;

class CatalogDescriptionTest {

    private static String describeBuiltIns() {
        return CatalogDescription.describe(PluginLoader.load(CatalogDescriptionTest.class.getClassLoader()));
    }

    private static List<String> section(String text, String family) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(family);
        assertTrue(start >= 0, "no section " + family + " in\n" + text);
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith(" ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    @Test
    void everyFamilyHasASectionInOrder() {
        String text = describeBuiltIns();
        List<String> headings = text.lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals("VAELab SPI " + SpiVersion.current(), headings.get(0));
        assertEquals(Family.ALL.stream().map(Family::name).toList(), headings.subList(1, headings.size()));
    }

    @Test
    void mlpListsHiddenWithItsDefault() {
        List<String> encoders = section(describeBuiltIns(), "encoder");
        int mlp = encoders.indexOf(encoders.stream().filter(l -> l.startsWith("  mlp: ")).findFirst().orElseThrow());
        List<String> encoder = encoders.subList(mlp, encoders.size());
        String hidden = encoder.stream().filter(l -> l.trim().startsWith("hidden ")).findFirst().orElseThrow();
        assertTrue(hidden.contains("list of integer"), hidden);
        assertTrue(hidden.contains("(default [400]; >= 1)"), hidden);
        assertTrue(encoder.stream().anyMatch(l -> l.trim().startsWith("activation ") && l.contains("(default relu)")),
                encoder.toString());
        assertTrue(section(describeBuiltIns(), "decoder").stream().anyMatch(l -> l.trim().startsWith("hidden ")));
    }

    @Test
    void nestedOptionsAreListedUnderTheirBlock() {
        List<String> encoder = section(describeBuiltIns(), "encoder");
        int layers = encoder.indexOf(encoder.stream().filter(l -> l.trim().startsWith("layers ")).findFirst()
                .orElseThrow());
        assertTrue(encoder.get(layers).contains("list of mapping"), encoder.get(layers));
        assertTrue(encoder.get(layers + 1).trim().startsWith("channels "), "the layer's options follow: " + encoder);
        assertTrue(encoder.get(layers + 1).indexOf("channels") > encoder.get(layers).indexOf("layers"), "indented");
    }

    @Test
    void boundsDefaultsAndOptionlessTypesAreShown() {
        String text = describeBuiltIns();
        assertTrue(section(text, "optimizer").stream().anyMatch(l -> l.trim().startsWith("lr ")
                && l.contains("(default 1.0e-3; > 0)")), text);
        assertTrue(section(text, "kl").stream().anyMatch(l -> l.trim().startsWith("beta ")
                && l.contains("(default 1.0; >= 0)")), text);
        List<String> likelihood = section(text, "likelihood");
        assertTrue(likelihood.get(0).startsWith("  bernoulli: "), likelihood.toString());
        assertTrue(likelihood.get(1).trim().matches("from \\S*likelihood\\S*( \\(SPI \\d+\\.\\d+\\.\\d+\\))?"),
                "where the type comes from: " + likelihood.get(1));
        assertEquals("(no options)", likelihood.get(2).trim());
        assertTrue(section(text, "dataset").stream()
                .anyMatch(l -> l.trim().startsWith("path ") && l.endsWith("(optional)")), text);
        assertTrue(section(text, "dataset").stream().anyMatch(l -> l.trim().startsWith("variant ")
                && l.contains("digits|fashion")), text);
    }

    @Test
    void emptyFamiliesSaySo() {
        String text = CatalogDescription.describe(PluginLoader.of(List.of(new PluginLoaderTest.MemoryTrackerPlugin())));
        for (Family<?> family : Family.ALL) {
            List<String> lines = section(text, family.name());
            if (family == Family.TRACKER) {
                assertTrue(lines.get(0).startsWith("  memory: Keeps metrics in memory"), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("capacity")
                        && l.contains("(default 10; >= 1)")), lines.toString());
            } else {
                assertEquals(List.of("  (no types registered)"), lines, family.name());
            }
        }
    }
}
