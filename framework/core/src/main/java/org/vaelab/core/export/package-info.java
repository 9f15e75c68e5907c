/**
 * A trained run's networks written for other runtimes: the encoder and the decoder as ONNX models, translated op by op
 * from the SameDiff graphs the plugins build, with a manifest that says what goes in and comes out.
 */
package org.vaelab.core.export;
