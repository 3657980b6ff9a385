package dev.mapleak.subject.go;

/**
 * How many bytes Go's allocator really hands out for a request: {@code runtime.roundupsize}.
 *
 * <p>Source: {@code class_to_size} from Go's generated {@code src/runtime/sizeclasses.go} (68 classes,
 * unchanged from Go 1.16 through Go 1.23, amd64), and {@code roundupsize} from {@code src/runtime/msize.go}
 * as it reads up to Go 1.21: a request below {@code _MaxSmallSize} (32768) takes the smallest size class
 * that fits ({@code size_to_class8}/{@code size_to_class128} are generated as exactly that lookup, so a
 * search over {@code class_to_size} gives the same answer); anything larger is a large object of whole
 * 8 KiB pages.
 *
 * <p>Not modelled: Go 1.22's malloc headers ({@code GOEXPERIMENT=allocheaders}, default since 1.22) add
 * 8 bytes to <em>pointerful</em> small objects of more than 512 bytes. For maps that only touches pointer
 * bucket arrays of at most ~32 KiB (B &le; 7 with 144-byte buckets) and the overflow slice of an inline
 * map; the large bucket arrays and the 1M-entry figures are unaffected.
 */
final class GoSizeClasses {

    /** {@code _MaxSmallSize}: the largest size-classed object. */
    static final int MAX_SMALL_SIZE = 32768;
    /** {@code _PageSize}: 1 << {@code _PageShift} (13). */
    static final int PAGE_SIZE = 8192;

    /** {@code class_to_size} of sizeclasses.go; class 0 (size 0) stands for "large object". */
    private static final int[] CLASS_TO_SIZE = {
        0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352,
        384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
        2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
        12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};

    private GoSizeClasses() {
    }

    /** {@code roundupsize(size)}: the bytes {@code mallocgc(size)} actually occupies on the heap. */
    static long roundupsize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (size < MAX_SMALL_SIZE) {
            return CLASS_TO_SIZE[sizeClass((int) size)];
        }
        // Large object: a span of whole pages (alignUp(size, _PageSize)).
        return (size + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
    }

    /** The size class of a small request: the smallest class whose size is at least {@code size}. */
    static int sizeClass(int size) {
        if (size > MAX_SMALL_SIZE) {
            throw new IllegalArgumentException(size + " bytes is a large object, not a size class");
        }
        int lo = 0;
        int hi = CLASS_TO_SIZE.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CLASS_TO_SIZE[mid] >= size) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Number of size classes, {@code _NumSizeClasses}. */
    static int numSizeClasses() {
        return CLASS_TO_SIZE.length;
    }
}
