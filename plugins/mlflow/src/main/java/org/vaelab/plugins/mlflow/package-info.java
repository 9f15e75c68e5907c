/**
 * The {@code mlflow} tracker: runs, params, metrics, tags, dataset inputs and artifacts sent to an
 * MLflow tracking server in the background, with timeouts, retries and a flush deadline, so
 * training never waits for the server and the run directory's journal can fill any gap later.
 */
package org.vaelab.plugins.mlflow;
