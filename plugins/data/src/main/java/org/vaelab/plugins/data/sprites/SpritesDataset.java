package org.vaelab.plugins.data.sprites;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.vaelab.plugins.data.split.SplitSizes;
import org.vaelab.spi.data.BatchTransform;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.data.DataSplit;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.Dataset;
import org.vaelab.spi.data.FactorTable;
import org.vaelab.spi.data.LoadContext;
import org.vaelab.spi.data.ValueRange;

/**
 * Sprites on dSprites' factor grid (Matthey et al. 2017), rendered by {@link SpriteRenderer}: the
 * combinations of the kept factor values are shuffled by the load seed, the first {@code n} kept
 * (all for {@code n = 0}), then split into training, validation and test. Images are kept as bits
 * (64 words of 64 bits each); every split carries each image's factors ({@link FactorTable}) and
 * its shape's index as label.
 */
public final class SpritesDataset implements Dataset {

    private static final int WORDS_PER_IMAGE = SpriteRenderer.SIDE;
    private static final int VALUES_PER_IMAGE = SpriteRenderer.SIDE * SpriteRenderer.SIDE;

    private final SpritesConfig config;

    /** The dataset {@code config} describes. */
    public SpritesDataset(SpritesConfig config) {
        this.config = config;
    }

    @Override
    public DataSplits load(LoadContext context) {
        SpriteGrid grid = SpriteGrid.of(config);
        int[] combinations = draw(grid.size(), config.images(), new SplittableRandom(context.seed()));
        SplitSizes sizes = SplitSizes.of(combinations.length, config.validation(), config.test()).orElseThrow();
        int validationStart = sizes.train();
        int testStart = validationStart + sizes.validation();
        DataShape shape = DataShape.image(1, SpriteRenderer.SIDE, SpriteRenderer.SIDE, ValueRange.BINARY,
                grid.shapes().size());
        return new DataSplits(render(grid, combinations, 0, validationStart),
                render(grid, combinations, validationStart, testStart),
                render(grid, combinations, testStart, combinations.length), shape, BatchTransform.IDENTITY);
    }

    /** The images of {@code combinations[from, to)}, with their factors and shapes as labels. */
    private static DataSplit render(SpriteGrid grid, int[] combinations, int from, int to) {
        int count = to - from;
        int factorCount = grid.factors().size();
        long[] words = new long[count * WORDS_PER_IMAGE];
        int[] indices = new int[count * factorCount];
        int[] labels = new int[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            int offset = i * factorCount;
            grid.indices(combinations[from + i], indices, offset);
            labels[i] = indices[offset + SpriteGrid.SHAPE];
            SpriteRenderer.draw(grid.shapes().get(labels[i]),
                    grid.value(SpriteGrid.SCALE, indices[offset + SpriteGrid.SCALE]),
                    grid.value(SpriteGrid.ORIENTATION, indices[offset + SpriteGrid.ORIENTATION]),
                    grid.value(SpriteGrid.POS_X, indices[offset + SpriteGrid.POS_X]),
                    grid.value(SpriteGrid.POS_Y, indices[offset + SpriteGrid.POS_Y]), words, i * WORDS_PER_IMAGE);
        });
        return DataSplit.ofBits(words, (long) count * VALUES_PER_IMAGE, labels, VALUES_PER_IMAGE)
                .withFactors(new FactorTable(grid.factors(), indices));
    }

    /** {@code count} of the numbers {@code 0 .. total - 1}, without replacement, in random order. */
    private static int[] draw(int total, int count, SplittableRandom random) {
        int[] numbers = IntStream.range(0, total).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(total - i);
            int swap = numbers[i];
            numbers[i] = numbers[j];
            numbers[j] = swap;
        }
        return count == total ? numbers : Arrays.copyOf(numbers, count);
    }
}
