/** Pictures a run writes: image grids of reconstructions and samples. */
package org.vaelab.core.artifacts;
