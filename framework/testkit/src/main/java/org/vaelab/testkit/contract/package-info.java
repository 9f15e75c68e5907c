/**
 * Contract tests a plugin's test class extends in one line, one per family:
 * {@link org.vaelab.testkit.contract.DatasetContract}, {@link org.vaelab.testkit.contract.EncoderContract},
 * {@link org.vaelab.testkit.contract.DecoderContract}, {@link org.vaelab.testkit.contract.LikelihoodContract},
 * {@link org.vaelab.testkit.contract.KlScheduleContract}, {@link org.vaelab.testkit.contract.OptimizerContract}
 * and {@link org.vaelab.testkit.contract.ModelFamilyContract}. The component is found through the
 * plugins on the test's class path and bound from YAML by the framework; the parts of the model
 * that are not under test are {@link org.vaelab.testkit.contract.ReferenceParts}, written against
 * the SPI, so a plugin's tests need no other plugin.
 */
package org.vaelab.testkit.contract;
