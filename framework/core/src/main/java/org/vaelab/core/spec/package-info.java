/**
 * Experiment specs: YAML read into a located tree, interpolated, overridden from the command line,
 * bound to validated records with every problem collected, and written back resolved.
 */
package org.vaelab.core.spec;
