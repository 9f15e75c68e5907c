/**
 * One run from a resolved spec to a finished run directory: backend check, data, model,
 * training, evaluation, pictures, checkpoint, and the trackers that record it all.
 */
package org.vaelab.core.run;
