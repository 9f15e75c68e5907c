/** Built-in KL schedules: {@code beta}. */
package org.vaelab.plugins.kl;
