package org.vaelab.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaelab.core.spec.SpecNode.ListNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/**
 * Reads YAML text into a {@link SpecNode} tree that keeps line and column of every key and value.
 * Syntax errors and duplicate keys become {@link Problems}; a duplicate key keeps its first value.
 */
public final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;
    private final Location fixedLocation;

    /**
     * @param problems where syntax errors and duplicate keys are reported
     * @param fixedLocation the location to give every node (for text that is not a file, such as
     *     a default or a {@code --set} value), or null to use positions in the text
     */
    public YamlTreeReader(Problems problems, Location fixedLocation) {
        this.problems = problems;
        this.fixedLocation = fixedLocation;
    }

    /** The tree of {@code yaml}, or empty if it has a syntax error or no content. */
    public Optional<SpecNode> read(String yaml) {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add("spec/Empty", "", location(parser), "the spec is empty; it needs at least name, data, model and likelihood");
                return Optional.empty();
            }
            return Optional.of(node(parser, ""));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = fixedLocation != null ? fixedLocation
                    : at == null ? Location.at(1, 1) : Location.at(at.getLineNr(), at.getColumnNr());
            problems.add("spec/Syntax", "", where, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private SpecNode node(JsonParser parser, String path) throws IOException {
        Location at = location(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, path, at);
            case START_ARRAY -> sequence(parser, path, at);
            case VALUE_STRING -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.STRING);
            case VALUE_NUMBER_INT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.INTEGER);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.BOOLEAN);
            case VALUE_NULL -> new ScalarNode(at, "null", ScalarNode.Kind.NULL);
            default -> throw new IllegalStateException("unexpected YAML token " + token + " at " + at);
        };
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
                problems.add("spec/DuplicateKey", childPath, keyAt,
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
