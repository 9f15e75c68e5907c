/** KL schedules: how the KL term of the ELBO is weighted in the training objective over time. */
package org.vaelab.spi.kl;
