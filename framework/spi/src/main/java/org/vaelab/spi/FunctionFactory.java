package org.vaelab.spi;

import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ComponentFactory} made of its three parts, as {@link ComponentFactory#of} returns it.
 * Not a record: its equality is identity, because Guice merges equal map entries instead of
 * reporting them as duplicates.
 */
final class FunctionFactory<C extends Record, T> implements ComponentFactory<C, T> {

    private final Class<C> configType;
    private final Function<? super C, ? extends T> create;
    private final String description;

    FunctionFactory(Class<C> configType, Function<? super C, ? extends T> create, String description) {
        this.configType = Objects.requireNonNull(configType, "configType");
        this.create = Objects.requireNonNull(create, "create");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public Class<C> configType() {
        return configType;
    }

    @Override
    public T create(C config) {
        return create.apply(config);
    }

    @Override
    public String description() {
        return description;
    }
}
