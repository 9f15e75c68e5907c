package org.vaelab.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.InvalidInputException;
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
        assertEquals(List.of("data", "model.encoder", "model.decoder", "model.family", "model.prior",
                "model.posterior", "likelihood", "kl", "optimizer", "tracking"), headings.subList(1, headings.size()),
                "each named by its key in a spec, in the spec's order");
        assertEquals(Family.ALL.size(), headings.size() - 1);
    }

    @Test
    void mlpListsHiddenWithItsDefault() {
        List<String> encoders = section(describeBuiltIns(), "model.encoder");
        int mlp = encoders.indexOf(encoders.stream().filter(l -> l.startsWith("  mlp: ")).findFirst().orElseThrow());
        List<String> encoder = encoders.subList(mlp, encoders.size());
        String hidden = encoder.stream().filter(l -> l.trim().startsWith("hidden ")).findFirst().orElseThrow();
        assertTrue(hidden.contains("list of integer"), hidden);
        assertTrue(hidden.contains("(default [400]; >= 1)"), hidden);
        assertTrue(encoder.stream().anyMatch(l -> l.trim().startsWith("activation ") && l.contains("(default relu)")),
                encoder.toString());
        assertTrue(section(describeBuiltIns(), "model.decoder").stream().anyMatch(l -> l.trim().startsWith("hidden ")));
    }

    @Test
    void nestedOptionsAreListedUnderTheirBlock() {
        List<String> encoder = section(describeBuiltIns(), "model.encoder");
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
        assertTrue(section(text, "data").stream()
                .anyMatch(l -> l.trim().startsWith("path ") && l.endsWith("(optional)")), text);
        assertTrue(section(text, "data").stream().anyMatch(l -> l.trim().startsWith("variant ")
                && l.contains("digits|fashion")), text);
    }

    @Test
    void emptyFamiliesSaySo() {
        String text = CatalogDescription.describe(PluginLoader.of(List.of(new PluginLoaderTest.MemoryTrackerPlugin())));
        for (Family<?> family : Family.ALL) {
            List<String> lines = section(text, SpecBlocks.familyKeys().get(family));
            if (family == Family.TRACKER) {
                assertTrue(lines.get(0).startsWith("  memory: Keeps metrics in memory"), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.trim().startsWith("capacity")
                        && l.contains("(default 10; >= 1)")), lines.toString());
            } else {
                assertEquals(List.of("  (no types registered)"), lines, family.name());
            }
        }
    }

    @Test
    void oneBlockByItsSpecKeyOrFamilyNameAndOneTypeOfIt() {
        ComponentCatalog catalog = PluginLoader.load(CatalogDescriptionTest.class.getClassLoader());
        String encoders = CatalogDescription.describe(catalog, Integer.MAX_VALUE, "model.encoder", null);
        assertEquals(encoders, CatalogDescription.describe(catalog, Integer.MAX_VALUE, "encoder", null));
        assertEquals(List.of("VAELab SPI " + SpiVersion.current(), "model.encoder"),
                encoders.lines().filter(l -> !l.startsWith(" ")).toList());
        List<String> mlp = CatalogDescription.describe(catalog, Integer.MAX_VALUE, "encoder", "mlp").lines()
                .filter(l -> l.matches("  \\S+: .*")).toList();
        assertEquals(1, mlp.size(), mlp.toString());
        assertTrue(mlp.get(0).startsWith("  mlp: "), mlp.toString());
    }

    @Test
    void unknownBlocksAndTypesAreRefusedWithTheClosestName() {
        ComponentCatalog catalog = PluginLoader.load(CatalogDescriptionTest.class.getClassLoader());
        InvalidInputException block = assertThrows(InvalidInputException.class,
                () -> CatalogDescription.describe(catalog, 80, "model.encodr", null));
        assertTrue(block.getMessage().startsWith("vae plugins model.encodr: no block of a spec has that name. "
                + "Did you mean 'model.encoder'? Known: data, model.encoder, "), block.getMessage());
        InvalidInputException type = assertThrows(InvalidInputException.class,
                () -> CatalogDescription.describe(catalog, 80, "kl", "capcity"));
        assertTrue(type.getMessage().startsWith("vae plugins kl capcity: no such type. Did you mean 'capacity'?"),
                type.getMessage());
    }

    @Test
    void linesAreWrappedToTheWidthAtSpacesKeepingEveryWord() {
        ComponentCatalog catalog = PluginLoader.load(CatalogDescriptionTest.class.getClassLoader());
        String unwrapped = CatalogDescription.describe(catalog, Integer.MAX_VALUE, "model.encoder", null);
        String wrapped = CatalogDescription.describe(catalog, 72, "model.encoder", null);
        for (String line : wrapped.lines().toList()) {
            assertTrue(line.length() <= 72 || !line.strip().contains(" ")
                    || unwrapped.lines().anyMatch(whole -> whole.startsWith(line + " ")),
                    "over the width only a long word or an option's name and type, its text below: " + line);
        }
        assertTrue(wrapped.lines().count() > unwrapped.lines().count(), "some lines were wrapped");
        assertEquals(List.of(unwrapped.split("\\s+")), List.of(wrapped.split("\\s+")), "the same words in order");
    }
}
