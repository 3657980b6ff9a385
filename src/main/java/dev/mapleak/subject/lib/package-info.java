/**
 * One adapter per library map: the JDK's ({@code HashMap}, {@code LinkedHashMap}, {@code ConcurrentHashMap},
 * {@code TreeMap}), fastutil, Eclipse Collections, HPPC and Agrona. Each adapter calls the library's own
 * operations and says which shrink it has ({@code supportsTrim}); none fakes one with a rebuild.
 *
 * <p>May use: {@code dev.mapleak.subject}, {@code dev.mapleak.folder} and the libraries.
 */
package dev.mapleak.subject.lib;
