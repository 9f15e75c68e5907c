package org.vaelab.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a configuration record: what it means, its default and its
 * numeric bounds. The framework uses it to bind YAML, to report every violated bound at once,
 * and to print {@code vae plugins}.
 *
 * <p>The key in YAML is the record component's name converted to snake case
 * ({@code latentDim} is {@code latent_dim}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Param {

    /** Marks a parameter without default: the key must be present. */
    String REQUIRED = "\u0000required";

    /** Marks a parameter whose absence means "not set" (the record component receives null). */
    String NONE = "\u0000none";

    /** What the parameter means, one sentence. */
    String value();

    /** The default as a YAML scalar or flow value ({@code "[400]"}, {@code "1.0e-3"}), or a marker. */
    String defaultValue() default REQUIRED;

    /** Inclusive lower bound for numbers (and for every element of a list of numbers). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Exclusive lower bound for numbers; use for rates that must be positive. */
    double above() default Double.NEGATIVE_INFINITY;

    /** Inclusive upper bound for numbers. */
    double max() default Double.POSITIVE_INFINITY;
}
