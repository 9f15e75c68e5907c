/** The {@code vae} command line: picocli subcommands over the core. */
package org.vaelab.cli;
