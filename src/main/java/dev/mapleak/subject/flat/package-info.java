/**
 * mapleak's own maps, a controlled experiment: one open-addressing table ({@link dev.mapleak.subject.flat.FlatTable})
 * with its values either inline in one slab (FLAT_INLINE, Go's {@code map[int][128]byte}) or through a pointer
 * per value (FLAT_POINTER), everything else equal. Built never to shrink, so reports show them apart from the
 * JDK's and the libraries' maps.
 *
 * <p>May use: {@code dev.mapleak.subject} and {@code dev.mapleak.folder}.
 */
package dev.mapleak.subject.flat;
