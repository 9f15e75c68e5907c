package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vaelab.core.spec.ErrorId;
import org.vaelab.core.spec.Names;
import org.vaelab.core.spec.Problem;
import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.Family;
import org.vaelab.spi.Param;

/**
 * What every component type passes, whatever its family: it is registered with a description,
 * every option is documented, the options the test gives bind without a problem, only options
 * documented as required may be left out, an unknown key is refused with a message naming it, and
 * each number just outside its documented bounds is refused naming the key. The component is
 * found through the plugins on the test's class path and bound from YAML by the framework, as a
 * spec's would be. The family contracts ({@link LikelihoodContract} and the others) add what a
 * component of their family must do.
 *
 * @param <T> the family's product, such as {@link org.vaelab.spi.likelihood.Likelihood}
 */
public abstract class ComponentContract<T> {

    /** A key no component has. */
    static final String UNKNOWN_KEY = "no_such_option";

    private final Family<T> family;
    private final String type;
    private final Map<String, ?> options;
    private final ClassPathComponents components = new ClassPathComponents(getClass().getClassLoader());

    /**
     * @param family the component's family
     * @param type the component's YAML type name
     * @param options the options to test it with, by YAML key (numbers, strings, booleans, lists
     *     and maps as YAML has them); every required option must be among them
     */
    protected ComponentContract(Family<T> family, String type, Map<String, ?> options) {
        this.family = family;
        this.type = type;
        this.options = Map.copyOf(options);
    }

    /** The component's YAML type name. */
    protected final String type() {
        return type;
    }

    /** A new component of the type with the test's options, made as a spec would make it. */
    protected final T component() {
        return components.create(family, ClassPathComponents.block(type, options));
    }

    @Test
    void isRegisteredWithADescriptionAndEveryOptionDocumented() {
        ComponentFactory<?, ?> factory = factory();
        assertFalse(factory.description().isBlank(), type + " has a description");
        for (RecordComponent option : factory.configType().getRecordComponents()) {
            Param param = option.getAnnotation(Param.class);
            assertNotNull(param, type + "." + option.getName() + " is documented with @Param");
            assertFalse(param.value().isBlank(), type + "." + option.getName() + " has a description");
        }
    }

    @Test
    void bindsFromTheGivenOptions() {
        List<Problem> problems = components.problems(family, ClassPathComponents.block(type, options));
        assertTrue(problems.isEmpty(), () -> problems.stream().map(Problem::format).toList().toString());
    }

    @Test
    void onlyOptionsDocumentedAsRequiredMayBeLeftOut() {
        for (Problem problem : components.problems(family, ClassPathComponents.block(type, Map.of()))) {
            assertEquals("spec/MissingKey", problem.id().code(), problem.format());
            String key = problem.path().substring(problem.path().lastIndexOf('.') + 1);
            assertEquals(Param.REQUIRED, param(key).map(Param::defaultValue).orElse(Param.REQUIRED),
                    "only keys documented as required may be missing: " + problem.format());
        }
    }

    @Test
    void refusesAnUnknownKeyNamingIt() {
        List<Problem> problems = components.problems(family, ClassPathComponents.block(type, with(UNKNOWN_KEY, 1)));
        assertTrue(problems.stream().anyMatch(p -> p.id() == ErrorId.SPEC_UNKNOWN_KEY
                && p.path().equals(family.name() + "." + UNKNOWN_KEY) && p.format().contains(UNKNOWN_KEY)),
                problems.toString());
    }

    @TestFactory
    Stream<DynamicTest> refusesEachNumberJustOutsideItsBounds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RecordComponent option : factory().configType().getRecordComponents()) {
            outOfRange(option).ifPresent(value -> {
                String key = Names.snakeCase(option.getName());
                tests.add(DynamicTest.dynamicTest(key + ": " + value, () -> {
                    List<Problem> problems = components.problems(family,
                            ClassPathComponents.block(type, with(key, value)));
                    assertTrue(problems.stream().anyMatch(p -> p.id() == ErrorId.SPEC_BAD_VALUE
                            && p.path().equals(family.name() + "." + key)), problems.toString());
                }));
            });
        }
        return tests.stream();
    }

    private Map<String, Object> with(String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(options);
        changed.put(key, value);
        return changed;
    }

    private ComponentFactory<?, ?> factory() {
        return components.catalog().factory(family, type).orElseThrow(() -> new AssertionError(family + " type '"
                + type + "' is not registered by any plugin on the class path; registered: "
                + components.catalog().factories(family).keySet()));
    }

    private Optional<Param> param(String key) {
        for (RecordComponent option : factory().configType().getRecordComponents()) {
            if (Names.snakeCase(option.getName()).equals(key)) {
                return Optional.ofNullable(option.getAnnotation(Param.class));
            }
        }
        return Optional.empty();
    }

    /** A value just outside the option's documented numeric bounds, if it has any. */
    private static Optional<Number> outOfRange(RecordComponent option) {
        Param param = option.getAnnotation(Param.class);
        Class<?> type = option.getType();
        boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        if (param == null || !(whole || type == double.class || type == Double.class)) {
            return Optional.empty();
        }
        if (param.min() != Double.NEGATIVE_INFINITY) {
            return Optional.of(whole ? (Number) ((long) Math.ceil(param.min()) - 1) : param.min() - 1);
        }
        if (param.above() != Double.NEGATIVE_INFINITY) {
            return Optional.of(whole ? (Number) (long) Math.floor(param.above()) : param.above());
        }
        if (param.max() != Double.POSITIVE_INFINITY) {
            return Optional.of(whole ? (Number) ((long) Math.floor(param.max()) + 1) : param.max() + 1);
        }
        return Optional.empty();
    }
}
