package org.vaelab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vaelab.core.spec.ResolvedSpec;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.track.DatasetInfo;

/**
 * Names a run's data for trackers: the dataset type, a digest of every loaded value and label
 * (so two runs on the same data show the same digest whatever the path), and the spec's data
 * block, as recorded ({@link ResolvedSpec#recorded()}), as its source.
 */
final class DatasetIdentity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatasetIdentity() {
    }

    static DatasetInfo of(ResolvedSpec resolved, DataSplits splits) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (DataSplit split : new DataSplit[] {splits.train(), splits.validation(), splits.test()}) {
                split.updateDigest(digest);
            }
            String hex = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            return new DatasetInfo(resolved.spec().data().type(), hex,
                    JSON.writeValueAsString(resolved.recorded().get("data")));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and plain maps are always available", e);
        }
    }
}
