package org.vaelab.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link SpecNode} tree that keeps line and column of every key and value.
 * Syntax errors and duplicate keys become {@link Problems}; a duplicate key keeps its first value.
 */
public final class YamlTreeReader {

    /**
     * How deep lists and mappings may nest. A spec needs a handful of levels; the tree is read by
     * recursion, so the bound is what keeps a hostile file from overflowing the stack: Jackson's own
     * default (1,000 levels) fitted a plain JVM's stack, but not one whose frames are larger, as
     * under the fuzzer's instrumentation, where it overflowed.
     */
    static final int MAX_DEPTH = 64;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    /** Tags of YAML's core schema, which only say what a plain value is, and binary, refused on its own. */
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "binary");

    private final Problems problems;
    private final Location fixedLocation;
    private final String emptyMessage;

    /**
     * A reader of spec text.
     *
     * @param problems where syntax errors and duplicate keys are reported
     * @param fixedLocation the location to give every node (for text that is not a file, such as
     *     a default or a {@code --set} value), or null to use positions in the text
     */
    public YamlTreeReader(Problems problems, Location fixedLocation) {
        this(problems, fixedLocation, YamlFile.SPEC.emptyMessage());
    }

    /**
     * A reader of the text of one kind of file.
     *
     * @param problems where syntax errors and duplicate keys are reported
     * @param fixedLocation as for {@link #YamlTreeReader(Problems, Location)}
     * @param emptyMessage what to report when the text holds no YAML value
     */
    YamlTreeReader(Problems problems, Location fixedLocation, String emptyMessage) {
        this.problems = problems;
        this.fixedLocation = fixedLocation;
        this.emptyMessage = emptyMessage;
    }

    /** The tree of {@code yaml}, or empty if it has a syntax error or no content. */
    public Optional<SpecNode> read(String yaml) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            return document(parser);
        } catch (JsonProcessingException e) {
            problems.add(ErrorId.SPEC_SYNTAX, "", syntaxLocation(e), "not valid YAML: " + syntaxMessage(e));
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private Optional<SpecNode> document(JsonParser parser) throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(ErrorId.SPEC_EMPTY, "", fixedLocation != null ? fixedLocation : Location.at(1, 1),
                        emptyMessage);
                return Optional.empty();
            }
            SpecNode root = node(parser, "");
            if (parser.nextToken() != null) {
                problems.add(ErrorId.SPEC_SYNTAX, "", location(parser),
                        "a second YAML document starts here (after '---');"
                        + " a spec is one document, so put each spec in a file of its own");
            }
            return Optional.of(root);
        } catch (StreamConstraintsException e) {
            problems.add(ErrorId.SPEC_TOO_DEEP, "", location(parser), "lists and mappings are nested more than "
                    + MAX_DEPTH + " levels deep here; specs are limited to that depth");
            return Optional.empty();
        }
    }

    /** Where the YAML scanner found the problem (Jackson's own location can be a token earlier). */
    private Location syntaxLocation(JsonProcessingException e) {
        if (fixedLocation != null) {
            return fixedLocation;
        }
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return Location.at(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        }
        JsonLocation at = e.getLocation();
        return at == null ? Location.at(1, 1) : Location.at(at.getLineNr(), at.getColumnNr());
    }

    /** The scanner's problem, with what it was reading and where that started when known. */
    private String syntaxMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String message = marked.getProblem();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                message += " (" + marked.getContext() + (fixedLocation != null ? ")"
                        : " that starts at " + Location.at(marked.getContextMark().getLine() + 1,
                                marked.getContextMark().getColumn() + 1) + ")");
            }
            return message;
        }
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private SpecNode node(JsonParser parser, String path) throws IOException {
        Location at = location(parser);
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(ErrorId.SPEC_SYNTAX, path, at, "YAML aliases (*" + parser.getText()
                    + ") are not supported in specs;"
                    + " write the value out");
            return new ScalarNode(at, "null", ScalarNode.Kind.NULL);
        }
        Optional<String> tag = unsupportedTag(parser);
        if (tag.isPresent()) {
            problems.add(ErrorId.SPEC_SYNTAX, path, at,
                    "YAML tags (" + tag.get() + ") are not supported in specs; nothing in a"
                    + " spec names a Java class: components are chosen by their registered type name");
            parser.skipChildren();
            return new ScalarNode(at, "null", ScalarNode.Kind.NULL);
        }
        return switch (token) {
            case START_OBJECT -> mapping(parser, path, at);
            case START_ARRAY -> sequence(parser, path, at);
            case VALUE_STRING -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.STRING);
            case VALUE_NUMBER_INT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.INTEGER);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.BOOLEAN);
            case VALUE_NULL -> new ScalarNode(at, "null", ScalarNode.Kind.NULL);
            default -> {
                problems.add(ErrorId.SPEC_SYNTAX, path, at, "binary values (!!binary) are not supported in specs;"
                        + " write plain text, numbers, booleans, lists or mappings");
                yield new ScalarNode(at, "null", ScalarNode.Kind.NULL);
            }
        };
    }

    /**
     * The tag of the current value as written ({@code !!javax.script.ScriptEngineManager},
     * {@code !custom}), unless it is absent, one of YAML's core types ({@code !!str}, {@code !!int},
     * ...), or {@code !!binary}, which has a message of its own.
     */
    private static Optional<String> unsupportedTag(JsonParser parser) throws IOException {
        String tag = parser instanceof YAMLParser yaml ? yaml.getTypeId() : null;
        if (tag == null) {
            return Optional.empty();
        }
        if (!tag.startsWith(STANDARD_TAG_PREFIX)) {
            return Optional.of("!" + tag);
        }
        String name = tag.substring(STANDARD_TAG_PREFIX.length());
        return CORE_TAGS.contains(name) ? Optional.empty() : Optional.of("!!" + name);
    }

    private MapNode mapping(JsonParser parser, String path, Location at) throws IOException {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Location keyAt = location(parser);
            String childPath = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            SpecNode value = node(parser, childPath);
            MapNode.Entry previous = entries.get(key);
            if (previous != null) {
                problems.add(ErrorId.SPEC_DUPLICATE_KEY, childPath, keyAt,
                        "key written twice; the first is at " + previous.keyLocation() + ". Keep one");
            } else {
                entries.put(key, new MapNode.Entry(keyAt, value));
            }
        }
        return new MapNode(at, entries);
    }

    private ListNode sequence(JsonParser parser, String path, Location at) throws IOException {
        List<SpecNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(parser, path + "[" + items.size() + "]"));
        }
        return new ListNode(at, items);
    }

    private Location location(JsonParser parser) {
        if (fixedLocation != null) {
            return fixedLocation;
        }
        JsonLocation at = parser.currentTokenLocation();
        return Location.at(at.getLineNr(), at.getColumnNr());
    }
}
