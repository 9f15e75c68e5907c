/** Datasets: loading train, validation and test splits and describing their shape. */
package org.vaelab.spi.data;
