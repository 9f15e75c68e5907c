/**
 * Test fixtures for VAELab and its plugins (the contract tests are in
 * {@link org.vaelab.testkit.contract}): {@link org.vaelab.testkit.MlflowServer}, a real MLflow
 * tracking server run from the project's virtual environment, and
 * {@link org.vaelab.testkit.MlflowRecord}, what that server holds for a run, read through its REST API.
 */
package org.vaelab.testkit;
