package org.vaelab.core.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.core.spec.Location;
import org.vaelab.core.spec.SpecNode;
import org.vaelab.core.spec.SpecNode.MapNode;
import org.vaelab.core.spec.SpecNode.ScalarNode;

/**
 * The value a sampled study gives one key of its {@code space}, as a tree: distributions where a
 * value is drawn ({@code {log_uniform: [1.0e-4, 1.0e-2]}}), values as written elsewhere. Each
 * distribution takes one coordinate of a point of the unit hypercube (a random or a Sobol point),
 * in the order written, a choice's options included whether chosen or not, so the layout of the
 * coordinates is the same for every trial and a key's value depends only on its own coordinates.
 */
sealed interface SpaceTemplate {

    /** Significant digits a drawn real keeps: short trial names, and far finer than any tuning needs. */
    MathContext DIGITS = new MathContext(4);

    /** The coordinates the template takes. */
    int dimensions();

    /** The value at {@code point}'s coordinates from {@code from} on. */
    SpecNode draw(double[] point, int from);

    /** A value as written, drawn from nothing. */
    record Constant(SpecNode node) implements SpaceTemplate {

        @Override
        public int dimensions() {
            return 0;
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            return node;
        }
    }

    /** A mapping some of whose values are drawn: {@code {type: gaussian, sigma_value: {uniform: [0.1, 1]}}}. */
    record Mapping(MapNode written, Map<String, SpaceTemplate> values) implements SpaceTemplate {

        public Mapping {
            values = new LinkedHashMap<>(values);
        }

        @Override
        public int dimensions() {
            return values.values().stream().mapToInt(SpaceTemplate::dimensions).sum();
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            MapNode drawn = written;
            int next = from;
            for (Map.Entry<String, SpaceTemplate> value : values.entrySet()) {
                drawn = drawn.with(value.getKey(), written.entries().get(value.getKey()).keyLocation(),
                        value.getValue().draw(point, next));
                next += value.getValue().dimensions();
            }
            return drawn;
        }
    }

    /** A real uniform on {@code [low, high)}. */
    record Uniform(Location at, double low, double high) implements SpaceTemplate {

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            return real(at, low + point[from] * (high - low));
        }
    }

    /**
     * A positive real whose logarithm is uniform on {@code [log low, log high)}: the prior of
     * Bergstra and Bengio (2012, "Random search for hyper-parameter optimization") for scale
     * parameters such as learning rates, each decade as likely as every other.
     */
    record LogUniform(Location at, double low, double high) implements SpaceTemplate {

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            return real(at, Math.exp(Math.log(low) + point[from] * (Math.log(high) - Math.log(low))));
        }
    }

    /** A whole number uniform on {@code low..high}, both included. */
    record IntRange(Location at, long low, long high) implements SpaceTemplate {

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            long value = Math.min(high, low + (long) Math.floor(point[from] * (high - low + 1)));
            return new ScalarNode(at, Long.toString(value), ScalarNode.Kind.INTEGER);
        }
    }

    /**
     * One of {@code options}, each as likely; an option may itself hold distributions, which
     * are drawn only where it is chosen (a conditional key: {@code sigma_value} only for a Gaussian).
     */
    record Choice(List<SpaceTemplate> options) implements SpaceTemplate {

        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public int dimensions() {
            return 1 + options.stream().mapToInt(SpaceTemplate::dimensions).sum();
        }

        @Override
        public SpecNode draw(double[] point, int from) {
            int chosen = Math.min(options.size() - 1, (int) Math.floor(point[from] * options.size()));
            int next = from + 1;
            for (int i = 0; i < chosen; i++) {
                next += options.get(i).dimensions();
            }
            return options.get(chosen).draw(point, next);
        }
    }

    /** {@code value} rounded to {@link #DIGITS} significant digits, as a YAML float. */
    static ScalarNode real(Location at, double value) {
        BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        String text = rounded.scale() <= 0 ? rounded.setScale(1).toPlainString() : rounded.toPlainString();
        return new ScalarNode(at, text, ScalarNode.Kind.FLOAT);
    }
}
