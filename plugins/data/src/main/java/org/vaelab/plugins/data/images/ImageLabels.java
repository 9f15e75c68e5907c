package org.vaelab.plugins.data.images;

/** Where the labels of an image folder come from. */
public enum ImageLabels {
    /** No labels: every image anywhere under the folder is an example. */
    NONE,
    /**
     * One subfolder per class, named after it: the classes are the subfolders' names in sorted
     * order, labelled 0 to k-1 (as torchvision's {@code ImageFolder} labels them).
     */
    FOLDERS
}
