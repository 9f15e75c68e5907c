/** Trackers: where a run's parameters, metrics, artifacts and final status are recorded. */
package org.vaelab.spi.track;
