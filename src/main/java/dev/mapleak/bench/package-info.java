/**
 * The JMH benchmarks: {@code LifecycleBenchmark} (the seed's experiment, one phase timed per benchmark, memory
 * recorded in untimed setup and teardown), {@code OperationsBenchmark} (get/put/iterate cost on a map by its
 * history), {@code ChurnBenchmark} (what a map settles at under rolling inserts and deletes) and
 * {@code RemedyCostBenchmark} (the timing pass: what a reclaim strategy costs in time and allocation, no probes armed). Each class
 * comment says why it is built the way it is and how to run it with JMH directly.
 *
 * <p>May use: {@code dev.mapleak.lifecycle}, {@code dev.mapleak.subject}, {@code dev.mapleak.measure},
 * {@code dev.mapleak.folder} and JMH. Never the runner or the report.
 */
package dev.mapleak.bench;
