package org.vaelab.core.spec;

/**
 * The catalogue of the problems VAELab reports to a person: every {@link Problem} carries one of
 * these stable ids, printed in brackets ({@code [spec/UnknownKey]}), so a message can be looked up
 * in the user guide's error tables (which a test checks against this list) and searched for.
 */
public enum ErrorId {

    /** The spec file is not valid YAML, or YAML a spec does not take (aliases, tags, a second document). */
    SPEC_SYNTAX("spec/Syntax"),
    /** Lists and mappings nested too deep. */
    SPEC_TOO_DEEP("spec/TooDeep"),
    /** The file has no content. */
    SPEC_EMPTY("spec/Empty"),
    /** A key written twice in one mapping. */
    SPEC_DUPLICATE_KEY("spec/DuplicateKey"),
    /** A key the block does not take. */
    SPEC_UNKNOWN_KEY("spec/UnknownKey"),
    /** A required key is missing. */
    SPEC_MISSING_KEY("spec/MissingKey"),
    /** A value of the wrong kind. */
    SPEC_WRONG_TYPE("spec/WrongType"),
    /** A value out of range or not allowed. */
    SPEC_BAD_VALUE("spec/BadValue"),
    /** No component of that type is registered. */
    SPEC_UNKNOWN_TYPE("spec/UnknownType"),
    /** {@code ${NAME}} with NAME unset and no default. */
    SPEC_UNSET_VARIABLE("spec/UnsetVariable"),
    /** A {@code --set} that is not {@code KEY=VALUE} or sets a key inside a non-mapping. */
    SPEC_BAD_OVERRIDE("spec/BadOverride"),
    /** The spec file does not exist. */
    SPEC_FILE_NOT_FOUND("spec/FileNotFound"),
    /** The spec path is not a regular file. */
    SPEC_NOT_A_FILE("spec/NotAFile"),
    /** The spec file is larger than a spec may be. */
    SPEC_TOO_LARGE("spec/TooLarge"),
    /** The spec file is not UTF-8 text. */
    SPEC_NOT_UTF8("spec/NotUtf8"),
    /** The spec file cannot be read. */
    SPEC_UNREADABLE("spec/Unreadable"),
    /**
     * Parts of a valid spec that do not fit the data or each other, found once the data is loaded:
     * a likelihood for values it cannot model, a batch larger than the training split, an encoder
     * that cannot take the labels a conditional family appends.
     */
    SPEC_MISMATCH("spec/Mismatch"),
    /** The data the {@code data} block names cannot be loaded: a missing or malformed file. */
    DATA_UNLOADABLE("data/Unloadable"),
    /** A study's {@code base} names no file. */
    STUDY_BASE_NOT_FOUND("study/BaseNotFound"),
    /** A swept key without values, zipped lists of unequal length, an empty zip group. */
    STUDY_BAD_VALUE("study/BadValue"),
    /** A study with no {@code grid}, {@code zip} or {@code seeds}. */
    STUDY_NOTHING_SWEPT("study/NothingSwept"),
    /** A key swept in two places. */
    STUDY_DUPLICATE_KEY("study/DuplicateKey"),
    /** A swept key the base spec does not have. */
    STUDY_UNKNOWN_KEY("study/UnknownKey"),
    /** More trials than {@code max_runs}. */
    STUDY_TOO_MANY_RUNS("study/TooManyRuns"),
    /** A {@code -p} that is not {@code KEY=V1,V2,...}. */
    STUDY_BAD_PARAMETER("study/BadParameter"),
    /** A {@code space} key that draws nothing, a distribution with bad bounds, an empty choice. */
    STUDY_BAD_SPACE("study/BadSpace"),
    /** A {@code search} without a {@code space} or the reverse, a space too large for a Sobol sequence. */
    STUDY_BAD_SEARCH("study/BadSearch"),
    /**
     * {@code pruning} that cannot rank trials at synchronous rungs: trials of different
     * {@code train.epochs}, a first rung not before the last epoch or not an evaluation epoch.
     */
    STUDY_BAD_PRUNING("study/BadPruning"),
    /**
     * A plugin jar that cannot be used: not a jar, built for another SPI major version, no manifest
     * entry, no plugin declared.
     */
    PLUGIN_UNUSABLE_JAR("plugin/UnusableJar"),
    /** Two plugins register the same type name in one family. */
    PLUGIN_DUPLICATE_TYPE("plugin/DuplicateType"),
    /** A plugin's module fails while it registers its types. */
    PLUGIN_BROKEN("plugin/Broken");

    private final String code;

    ErrorId(String code) {
        this.code = code;
    }

    /** The id as printed and documented, {@code area/Name}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
