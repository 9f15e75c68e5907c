import java.nio.file.Files;
import java.nio.file.Path;
import org.vaelab.plugins.data.images.ImageLabels;
import org.vaelab.plugins.data.images.ImagesConfig;
import org.vaelab.plugins.data.images.ImagesDataset;
import org.vaelab.spi.data.DataSplits;
import org.vaelab.spi.data.LoadContext;

/**
 * Loads Fashion-MNIST written as PNG (scripts/fashion-mnist-files: png/train, 60,000 images, and
 * png/test, 10,000) through the images dataset, as a run loads it, and prints the wall-clock time
 * of the load, the split sizes, the heap the loaded data hold after a collection, and the peak
 * resident memory of the process (VmHWM). Run by bench/image-load/run.
 */
public final class LoadImages {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        ImagesConfig config = new ImagesConfig("png/train", null, 1, 28, 28, null, ImageLabels.FOLDERS, 5000, null,
                "png/test");
        long start = System.nanoTime();
        DataSplits data = new ImagesDataset(config).load(new LoadContext(folder, 42));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long heapMib = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf("images: %d train / %d validation / %d test, shape %s%n", data.train().size(),
                data.validation().size(), data.test().size(), data.shape().dims());
        System.out.printf("load_seconds=%.1f threads=%d heap_after_gc_mib=%d peak_rss=%s%n", seconds,
                Runtime.getRuntime().availableProcessors(), heapMib, peak);
    }
}
