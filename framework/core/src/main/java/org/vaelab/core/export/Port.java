package org.vaelab.core.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An input or output of an exported network: its name, its dimensions (-1 for the batch) and what its values are.
 */
record Port(String name, long[] dims, String meaning) {

    /** A port of {@code [batch, width]}. */
    static Port rows(String name, long width, String meaning) {
        return new Port(name, new long[] {-1, width}, meaning);
    }

    /** How the manifest describes it: name, shape (the batch as {@code batch}) and meaning. */
    Map<String, Object> describe() {
        List<Object> shape = new ArrayList<>();
        for (long d : dims) {
            shape.add(d < 0 ? OnnxGraph.BATCH : d);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("shape", shape);
        map.put("meaning", meaning);
        return map;
    }
}
