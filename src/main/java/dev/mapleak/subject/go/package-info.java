/**
 * GO_HYBRID: a Java port of Go's classic (pre-1.24) runtime map, buckets of 8 slots, load factor 6.5, values
 * over 128 bytes through a pointer, and a model of what Go's runtime would hold for the same state
 * ({@link dev.mapleak.subject.go.GoMap#goRuntimeBytes()}: size classes, overflow buckets, B never decreasing).
 * Its JOL figure is the Java copy's; its {@code retained.go.bytes} is the model's Go figure.
 *
 * <p>May use: {@code dev.mapleak.subject} and {@code dev.mapleak.folder}.
 */
package dev.mapleak.subject.go;
