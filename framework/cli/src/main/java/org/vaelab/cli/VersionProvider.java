package org.vaelab.cli;

import org.vaelab.core.run.Versions;
import picocli.CommandLine;

/** {@code vae --version}: VAELab's and ND4J's versions. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        Versions versions = Versions.current();
        return new String[] {"vaelab " + versions.vaelab() + " (ND4J " + versions.nd4j() + ")"};
    }
}
