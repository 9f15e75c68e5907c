package org.vaelab.plugins.data.npy;

/**
 * The element types a {@code .npy} file's {@code descr} names that this reader reads: booleans,
 * integers and floats of NumPy's fixed sizes, by NumPy's names. What else a {@code descr} may say
 * (complex, half-precision floats, strings, objects, dates, structured types) is named by
 * {@link #describe} for messages and not read.
 */
enum NpyType {
    BOOL("bool", 'b', 1, false),
    INT8("int8", 'i', 1, true),
    UINT8("uint8", 'u', 1, false),
    INT16("int16", 'i', 2, true),
    UINT16("uint16", 'u', 2, false),
    INT32("int32", 'i', 4, true),
    UINT32("uint32", 'u', 4, false),
    INT64("int64", 'i', 8, true),
    UINT64("uint64", 'u', 8, false),
    FLOAT32("float32", 'f', 4, true),
    FLOAT64("float64", 'f', 8, true);

    private final String numpyName;
    private final char kind;
    private final int size;
    private final boolean signed;

    NpyType(String numpyName, char kind, int size, boolean signed) {
        this.numpyName = numpyName;
        this.kind = kind;
        this.size = size;
        this.signed = signed;
    }

    /** The type of {@code kind} (NumPy's type character: b, i, u, f) and {@code size} bytes, or null if not read. */
    static NpyType of(char kind, int size) {
        for (NpyType type : values()) {
            if (type.kind == kind && type.size == size) {
                return type;
            }
        }
        return null;
    }

    /**
     * NumPy's name of the type a {@code descr} kind and size stand for, for messages about types
     * this reader does not read ({@code complex128}, {@code float16}, {@code object}).
     */
    static String describe(char kind, int size) {
        NpyType known = of(kind, size);
        if (known != null) {
            return known.numpyName;
        }
        return switch (kind) {
            case 'c' -> "complex" + 8 * size;
            case 'f' -> "float" + 8 * size;
            case 'i' -> "int" + 8 * size;
            case 'u' -> "uint" + 8 * size;
            case 'O' -> "object (pickled Python objects)";
            case 'U' -> "unicode string";
            case 'S', 'a' -> "byte string";
            case 'M' -> "datetime64";
            case 'm' -> "timedelta64";
            case 'V' -> "void (raw bytes or a structured type)";
            default -> "type '" + kind + size + "'";
        };
    }

    /** NumPy's name of the type, such as {@code float32}. */
    String numpyName() {
        return numpyName;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** Whether this is a boolean or integer type. */
    boolean isInteger() {
        return kind == 'b' || kind == 'i' || kind == 'u';
    }

    /** Whether this is a floating-point type. */
    boolean isFloat() {
        return kind == 'f';
    }

    /** Whether integers of this type may be negative. */
    boolean signed() {
        return signed;
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
