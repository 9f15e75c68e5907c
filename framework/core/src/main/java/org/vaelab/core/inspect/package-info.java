/**
 * What the commands on a trained run compute, from a {@link org.vaelab.core.run.TrainedRun}: its
 * evaluation on any data, the latent codes of examples, per-example anomaly scores, and samples
 * from the prior; tables are written as CSV files, atomically.
 */
package org.vaelab.core.inspect;
