/**
 * The JMH benchmarks: {@code LifecycleBenchmark} (the seed's experiment: {@code memory} records every phase's
 * retained memory in one fork, in untimed setup and teardown; the older one-phase methods run only when named), {@code OperationsBenchmark} (get/put/iterate cost on a map by its
 * history), {@code ChurnBenchmark} (what a map settles at under rolling inserts and deletes) and
 * {@code RemedyCostBenchmark} (the timing pass: the fill, the delete and each reclaim strategy in time and allocation, no probes armed). Each class
 * comment says why it is built the way it is and how to run it with JMH directly.
 *
 * <p>May use: {@code dev.mapleak.lifecycle}, {@code dev.mapleak.subject}, {@code dev.mapleak.measure},
 * {@code dev.mapleak.folder} and JMH. Never the runner or the report.
 */
package dev.mapleak.bench;
