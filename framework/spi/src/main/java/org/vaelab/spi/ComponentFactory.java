package org.vaelab.spi;

/**
 * The unit of registration: turns a validated configuration record into a component.
 *
 * <p>The configuration is a Java record whose components are documented with {@link Param};
 * the framework binds the YAML block (minus its {@code type} key) to it, checks every
 * documented bound, and only then calls {@link #create}. Cross-field rules belong in the
 * record's compact constructor, which throws {@link InvalidConfigException}.
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
}
