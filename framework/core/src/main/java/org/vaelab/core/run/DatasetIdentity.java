package org.vaelab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.track.DatasetInfo;
import org.vaelab.spi.track.DatasetSplit;

/**
 * Names a run's data for trackers: the data's common name ({@code fashion-mnist}), a digest of
 * every loaded value and label (the SHA-256 of the three splits' own digests, so each value is
 * hashed once; two runs on the same data show the same digest whatever the path), the spec's data
 * block, as recorded ({@link ResolvedSpec#recorded()}), as its source, and each split that holds
 * examples with its MLflow context, digest, schema and profile.
 */
final class DatasetIdentity {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DIGEST_HEX_DIGITS = 16;

    private DatasetIdentity() {
    }

    static DatasetInfo of(ResolvedSpec resolved, String name, DataSplits splits) {
        Map<String, DataSplit> byContext = new LinkedHashMap<>();
        byContext.put("training", splits.train());
        byContext.put("validation", splits.validation());
        byContext.put("testing", splits.test());
        MessageDigest whole = sha256();
        List<DatasetSplit> described = new ArrayList<>();
        for (Map.Entry<String, DataSplit> split : byContext.entrySet()) {
            MessageDigest own = sha256();
            split.getValue().updateDigest(own);
            byte[] digest = own.digest();
            whole.update(digest);
            if (split.getValue().size() > 0) {
                described.add(new DatasetSplit(split.getKey(), hex(digest), schema(splits.shape(), split.getValue()),
                        profile(splits.shape(), split.getValue())));
            }
        }
        return new DatasetInfo(name, hex(whole.digest()), json(resolved.recorded().get("data")), described);
    }

    /**
     * The split's columns in MLflow's tensor-spec form, as MLflow's NumPy datasets write it: the
     * features (float32, one example a row of the data's dims) and, where the split has them, the
     * integer labels.
     */
    private static String schema(DataShape shape, DataSplit split) {
        List<Integer> featureShape = new ArrayList<>(List.of(-1));
        featureShape.addAll(shape.dims());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("features", json(List.of(Map.of("type", "tensor", "tensor-spec",
                Map.of("dtype", "float32", "shape", featureShape)))));
        if (split.hasLabels()) {
            spec.put("targets", json(List.of(Map.of("type", "tensor", "tensor-spec",
                    Map.of("dtype", "int32", "shape", List.of(-1))))));
        }
        return json(Map.of("mlflow_tensorspec", spec));
    }

    /** The split's size as MLflow's NumPy datasets profile it, with its value range and classes. */
    private static String profile(DataShape shape, DataSplit split) {
        List<Integer> featureShape = new ArrayList<>(List.of(split.size()));
        featureShape.addAll(shape.dims());
        long values = (long) split.size() * split.width();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("features_shape", featureShape);
        profile.put("features_size", values);
        profile.put("features_nbytes", values * Float.BYTES);
        if (split.hasLabels()) {
            profile.put("targets_shape", List.of(split.size()));
            profile.put("targets_size", split.size());
            profile.put("targets_nbytes", (long) split.size() * Integer.BYTES);
        }
        profile.put("value_range", shape.range().toString());
        profile.put("classes", shape.classes());
        return json(profile);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, DIGEST_HEX_DIGITS);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialize", e);
        }
    }
}
