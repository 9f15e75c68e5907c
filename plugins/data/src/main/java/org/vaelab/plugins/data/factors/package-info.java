/** Ground-truth factors of variation read from a file's table of values. */
package org.vaelab.plugins.data.factors;
