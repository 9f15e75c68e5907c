package org.vaelab.core.run;

/** Words of a command line as a shell reads them back, for the commands vae tells people to run. */
public final class ShellWords {

    private ShellWords() {
    }

    /** {@code word} as a shell reads it back: in single quotes when it has characters a shell would act on. */
    public static String quote(String word) {
        return word.matches("[\\w./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
