/**
 * The seed's experiment as plain code, independent of JMH: key orders, fill, delete a fraction, the reclaim
 * strategies (KEEP, REBUILD, TRIM, CLEAR) and when each is not applicable, churn, and the histories the
 * operations benchmark builds maps with.
 *
 * <p>May use: {@code dev.mapleak.subject} and {@code dev.mapleak.folder}.
 */
package dev.mapleak.lifecycle;
