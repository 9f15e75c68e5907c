package org.vaelab.plugins.data.binarized;

/** What the 10,000 images of the published validation file are used for. */
public enum ValidSplit {

    /** The validation split, as the published protocol has it: 50,000 train, 10,000 validate. */
    VALIDATION,

    /** Training, after the 50,000 of the training file: 60,000 train and nothing validates. */
    TRAIN
}
