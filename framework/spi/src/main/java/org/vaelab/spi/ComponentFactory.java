package org.vaelab.spi;

import java.util.function.Function;

/**
 * The unit of registration: turns a validated configuration record into a component.
 *
 * <p>The configuration is a Java record whose components are documented with {@link Param};
 * the framework binds the YAML block (minus its {@code type} key) to it, checks every
 * documented bound, and only then calls {@link #create}. Cross-field rules belong in the
 * record's compact constructor, which throws {@link InvalidConfigException}.
 *
 * <p>Plugins rarely implement this interface: {@link PluginModule#register} makes one from a
 * constructor or static method of the product, and {@link #of} does for plugins written as plain
 * Guice modules.
 *
 * @param <C> the configuration record
 * @param <T> the product, one of the family interfaces
 */
public interface ComponentFactory<C extends Record, T> {

    /** The configuration record class. */
    Class<C> configType();

    /** Makes the component from a validated configuration. */
    T create(C config);

    /** One sentence for {@code vae plugins}. */
    String description();

    /**
     * The factory that makes a component of {@code configType} with {@code create}, described by
     * {@code description}. Each call returns a distinct factory, equal only to itself, so that
     * two plugins registering one type name always clash, even with the same arguments.
     */
    static <C extends Record, T> ComponentFactory<C, T> of(Class<C> configType, Function<? super C, ? extends T> create,
                                                           String description) {
        return new FunctionFactory<>(configType, create, description);
    }
}
