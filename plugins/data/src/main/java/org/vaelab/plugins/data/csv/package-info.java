/**
 * The {@code csv} dataset: numeric feature columns and an optional class-label column read from a
 * delimited text file with Apache Commons CSV, shuffled, split, and scaled with statistics of the
 * training split.
 */
package org.vaelab.plugins.data.csv;
