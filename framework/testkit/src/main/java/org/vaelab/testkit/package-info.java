/**
 * Test fixtures for VAELab and its plugins: {@link org.vaelab.testkit.MlflowServer}, a real MLflow
 * tracking server run from the project's virtual environment, and
 * {@link org.vaelab.testkit.MlflowRecord}, what that server holds for a run, read through its REST API.
 */
package org.vaelab.testkit;
