package org.vaelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/** The stages before binding: reading YAML with locations, interpolation and overrides. */
class SpecTreeTest {

    private static SpecNode read(String yaml, Problems problems) {
        return new YamlTreeReader(problems, null).read(yaml).orElseThrow();
    }

    private static SpecNode at(SpecNode node, String... keys) {
        SpecNode current = node;
        for (String key : keys) {
            current = ((MapNode) current).entries().get(key).value();
        }
        return current;
    }

    @Test
    void readerKeepsLinesColumnsAndYamlTypes() {
        Problems problems = new Problems();
        SpecNode root = read("a: 1\nb:\n  c: [x, 2.5, true, ~]\n", problems);
        assertTrue(problems.isEmpty());
        MapNode map = (MapNode) root;
        assertEquals(List.of("a", "b"), List.copyOf(map.entries().keySet()));
        assertEquals(Location.at(1, 1), map.entries().get("a").keyLocation());
        assertEquals(new ScalarNode(Location.at(1, 4), "1", ScalarNode.Kind.INTEGER), at(root, "a"));
        assertEquals(Location.at(3, 3), ((MapNode) at(root, "b")).entries().get("c").keyLocation());
        ListNode list = (ListNode) at(root, "b", "c");
        assertEquals(Location.at(3, 6), list.location());
        assertEquals(List.of(ScalarNode.Kind.STRING, ScalarNode.Kind.FLOAT, ScalarNode.Kind.BOOLEAN,
                ScalarNode.Kind.NULL), list.items().stream().map(n -> ((ScalarNode) n).kind()).toList());
        assertEquals(Location.at(3, 10), list.items().get(1).location());
    }

    @Test
    void readerWithAFixedLocationGivesItToEveryNode() {
        Location fixed = Location.override("x=[1, {a: 2}]");
        SpecNode node = new YamlTreeReader(new Problems(), fixed).read("[1, {a: 2}]").orElseThrow();
        ListNode list = (ListNode) node;
        assertEquals(fixed, list.location());
        assertEquals(fixed, ((MapNode) list.items().get(1)).entries().get("a").keyLocation());
        assertEquals(fixed, ((MapNode) list.items().get(1)).entries().get("a").value().location());
    }

    @Test
    void duplicateKeyKeepsTheFirstValue() {
        Problems problems = new Problems();
        SpecNode root = read("a: 1\nb: 2\na: 3\n", problems);
        assertEquals("1", ((ScalarNode) at(root, "a")).text());
        assertEquals(1, problems.list().size());
        Problem problem = problems.list().get(0);
        assertEquals("spec/DuplicateKey", problem.id().code());
        assertEquals("a", problem.path());
        assertEquals(Location.at(3, 1), problem.location());
    }

    @Test
    void interpolationReplacesEveryReferenceInStringsOnly() {
        Problems problems = new Problems();
        Map<String, String> env = Map.of("A", "x", "B", "y");
        SpecNode tree = read("s: '${A}-${B}-${C:-z}-${D:-}'\nn: 5\nl: ['${A}', '${NOPE:-d}']\nk: $notref\n", problems);
        SpecNode out = new Interpolation(env::get, problems).apply(tree, "");
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertEquals("x-y-z-", ((ScalarNode) at(out, "s")).text());
        assertEquals(new ScalarNode(Location.at(2, 4), "5", ScalarNode.Kind.INTEGER), at(out, "n"));
        assertEquals(List.of("x", "d"), ((ListNode) at(out, "l")).items().stream().map(n -> ((ScalarNode) n).text())
                .toList());
        assertEquals("$notref", ((ScalarNode) at(out, "k")).text());
        assertEquals(Location.at(1, 4), at(out, "s").location(), "substitution keeps the location");
    }

    @Test
    void interpolationReportsEachUnsetVariableWithTheValuesPath() {
        Problems problems = new Problems();
        SpecNode tree = read("a:\n  b: ${X}\n  l: [ok, '${Y}']\n", problems);
        new Interpolation(name -> null, problems).apply(tree, "");
        assertEquals(List.of("a.b", "a.l[1]"), problems.list().stream().map(Problem::path).toList());
        assertEquals(List.of("spec/UnsetVariable", "spec/UnsetVariable"),
                problems.list().stream().map(p -> p.id().code()).toList());
        assertEquals(Location.at(3, 11), problems.list().get(1).location());
    }

    @Test
    void overridesCreateMissingMappingsAndKeepOthers() {
        Problems problems = new Problems();
        SpecNode tree = read("model: {latent_dim: 20}\n", problems);
        SpecNode out = new Overrides(problems).apply(tree, List.of("model.encoder.hidden=[1, 2]", " train.epochs = 3"));
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertEquals("20", ((ScalarNode) at(out, "model", "latent_dim")).text());
        ListNode hidden = assertInstanceOf(ListNode.class, at(out, "model", "encoder", "hidden"));
        assertEquals(2, hidden.items().size());
        assertEquals(Location.override("model.encoder.hidden=[1, 2]"), hidden.location());
        ScalarNode epochs = (ScalarNode) at(out, "train", "epochs");
        assertEquals("3", epochs.text().trim());
        assertEquals(ScalarNode.Kind.INTEGER, epochs.kind());
        assertEquals(Location.at(1, 1), ((MapNode) out).entries().get("model").keyLocation(),
                "existing keys keep their place");
    }

    @Test
    void overrideValuesAreYaml() {
        Problems problems = new Problems();
        SpecNode out = new Overrides(problems)
                .apply(read("a: 1\n", problems), List.of("a=text", "b='7'", "c=null", "d={x: 1}"));
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) at(out, "a")).kind());
        assertEquals(ScalarNode.Kind.STRING, ((ScalarNode) at(out, "b")).kind());
        assertEquals(ScalarNode.Kind.NULL, ((ScalarNode) at(out, "c")).kind());
        assertEquals("1", ((ScalarNode) at(out, "d", "x")).text());
        assertTrue(problems.isEmpty(), problems.list().toString());
    }

    @Test
    void overrideProblemsNameTheAssignment() {
        Problems problems = new Problems();
        SpecNode tree = read("a: 1\n", problems);
        new Overrides(problems).apply(tree, List.of("novalue", "a.b=2", "c=", "d=[1"));
        assertEquals(List.of("spec/BadOverride", "spec/BadOverride", "spec/BadOverride", "spec/Syntax"),
                problems.list().stream().map(p -> p.id().code()).toList());
        assertEquals(List.of("--set novalue", "--set a.b=2", "--set c=", "--set d=[1"),
                problems.list().stream().map(p -> p.location().toString()).toList());
        assertEquals("a", problems.list().get(1).path());
        assertEquals("cannot set a key inside the number 1; only mappings have keys", problems.list().get(1).message());
    }

    @Test
    void problemFormatNamesIdPathAndLocation() {
        assertEquals("[spec/BadValue] kl.beta (line 14, col 9): must be >= 0, found -1.0",
                new Problem(ErrorId.SPEC_BAD_VALUE, "kl.beta", Location.at(14, 9), "must be >= 0, found -1.0")
                        .format());
        assertEquals("[spec/Empty] (line 1, col 1): empty",
                new Problem(ErrorId.SPEC_EMPTY, "", Location.at(1, 1), "empty").format());
        assertEquals("[study/TooManyRuns] a (default): m",
                new Problem(ErrorId.STUDY_TOO_MANY_RUNS, "a", Location.DEFAULT, "m").format());
    }

    @Test
    void aValueIsReportedOnceEvenIfLaterStagesAlsoFail() {
        Problems problems = new Problems();
        problems.add(ErrorId.SPEC_UNSET_VARIABLE, "train.epochs", Location.at(3, 5), "unset");
        problems.add(ErrorId.SPEC_WRONG_TYPE, "train.epochs", Location.at(3, 5), "not a number");
        problems.add(ErrorId.SPEC_WRONG_TYPE, "train.epochs", Location.at(4, 5), "another place");
        problems.add(ErrorId.SPEC_BAD_OVERRIDE, "", Location.override("x"), "one");
        problems.add(ErrorId.SPEC_BAD_OVERRIDE, "", Location.override("x"), "two");
        assertEquals(List.of("unset", "another place", "one", "two"),
                problems.list().stream().map(Problem::message).toList());
    }
}
