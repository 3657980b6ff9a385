package dev.mapleak.scan;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import shark.CloseableHeapGraph;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeader;
import shark.HprofHeapGraph;
import shark.HprofIndex;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a heap dump with Shark and finds every map of a known {@link MapKind}: Shark indexes the file in one
 * streaming pass (its index holds positions, not objects, so memory stays well below the dump's size), the maps
 * are read from the index, and a second streaming pass finds who references them ({@link Owners}).
 */
public final class HeapScan {

    /** What a scan found. {@code owners} maps a map's id to what references it. */
    public record Result(Path dump, long dumpBytes, LayoutChoice layout, List<FoundMap> maps,
                         Map<Long, Owner> owners, long objects, double seconds) {

        public Owner owner(FoundMap m) {
            return owners.getOrDefault(m.id(), Owner.UNKNOWN);
        }
    }

    private HeapScan() {
    }

    /**
     * @param layout the layout to use, or null to infer it from the dump
     */
    public static Result scan(Path dump, Layout layout, Progress progress) {
        long start = System.nanoTime();
        long size = HprofFile.check(dump);
        File file = dump.toFile();
        HprofHeader header = HprofHeader.Companion.parseHeaderOf(file);
        progress.start(String.format("indexing %,d MiB", size >> 20));
        CountingSourceProvider source = new CountingSourceProvider(file, read -> progress.update(read, size));
        try (CloseableHeapGraph graph = HprofHeapGraph.Companion.openHeapGraph(source, null,
                HprofIndex.Companion.defaultIndexedGcRootTags())) {
            progress.done();
            progress.start(String.format("reading maps among %,d objects", graph.getObjectCount()));
            Map<Long, MapKind> kinds = classify(graph);
            List<FoundMap> maps = new ArrayList<>();
            Long2ObjectOpenHashMap<Set<String>> hierarchies = new Long2ObjectOpenHashMap<>();
            LongOpenHashSet inner = new LongOpenHashSet();
            long seen = 0;
            long instances = graph.getInstanceCount();
            for (Iterator<HeapObject.HeapInstance> it = graph.getInstances().iterator(); it.hasNext(); ) {
                HeapObject.HeapInstance instance = it.next();
                progress.update(++seen, instances);
                MapKind kind = kinds.get(instance.getInstanceClassId());
                if (kind == null) {
                    continue;
                }
                SharkFields fields = new SharkFields(instance);
                SharkFields table = fields;
                if (kind.inner() != null) {
                    table = (SharkFields) fields.object(kind.inner());
                    if (table == null) {
                        continue;
                    }
                    inner.add(table.id());
                }
                maps.add(read(kind, fields, table, graph.getIdentifierByteSize()));
                hierarchies.put(instance.getObjectId(), outerNames(instance.getInstanceClass()));
            }
            // A HashSet's inner HashMap is reported as the set, not a second time as a HashMap.
            maps.removeIf(m -> inner.contains(m.id()));
            inner.forEach(hierarchies::remove);
            progress.done();

            LayoutChoice choice;
            if (layout != null) {
                choice = LayoutChoice.given(layout);
            } else {
                progress.start("inferring the object layout");
                long[] ids = sortedIds(graph);
                List<TableArray> tables = new ArrayList<>();
                maps.forEach(m -> tables.addAll(m.tables()));
                choice = LayoutChoice.infer(ids, tables);
                progress.done();
            }

            progress.start("finding who holds " + String.format("%,d", maps.size()) + " maps");
            Long2ObjectOpenHashMap<Owner> owners = Owners.find(graph, file, header, hierarchies, progress, size);
            progress.done();
            followContainers(graph, file, header, owners, progress, size);
            return new Result(dump, size, choice, List.copyOf(maps), owners, graph.getObjectCount(),
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many extra passes may follow maps held in arrays and JDK collections up to what holds those. */
    static final int CONTAINER_HOPS = 3;

    /**
     * A map held in an {@code ArrayList} is owned by {@code element of java.lang.Object[]}, which says nothing: for
     * such maps, each extra streaming pass finds who holds the container, up to {@link #CONTAINER_HOPS} steps.
     */
    private static void followContainers(HeapGraph graph, File file, HprofHeader header,
                                         Long2ObjectOpenHashMap<Owner> owners, Progress progress, long size) {
        for (int hop = 1; hop <= CONTAINER_HOPS; hop++) {
            Long2ObjectOpenHashMap<Set<String>> containers = new Long2ObjectOpenHashMap<>();
            owners.values().stream().filter(Owner::isContainer).forEach(o -> containers.put(o.referrer(), Set.of()));
            if (containers.isEmpty()) {
                return;
            }
            progress.start(String.format("following %,d arrays and collections one step up (%d of %d)",
                    containers.size(), hop, CONTAINER_HOPS));
            Long2ObjectOpenHashMap<Owner> up = Owners.find(graph, file, header, containers, progress, size);
            for (var e : owners.long2ObjectEntrySet()) {
                Owner o = e.getValue();
                Owner next = o.isContainer() ? up.get(o.referrer()) : null;
                if (next != null) {
                    e.setValue(next.through(o));
                }
            }
            progress.done();
        }
    }

    private static FoundMap read(MapKind kind, SharkFields holder, SharkFields table, int idSize) {
        List<TableArray> arrays = new ArrayList<>();
        for (String field : kind.tableFields()) {
            HeapObject array = table.array(field);
            if (array != null) {
                arrays.add(TableArray.of(array, idSize));
            }
        }
        int size = kind.size().applyAsInt(table);
        int length = arrays.isEmpty() ? 0 : arrays.get(0).length();
        int slots = arrays.isEmpty() ? 0 : kind.slots().slots(length);
        int tombstones = kind.tombstones() == null ? 0 : kind.tombstones().applyAsInt(table);
        int rebuilt = kind.rebuilt().length(size, length, table);
        return new FoundMap(holder.id(), kind, holder.className(), size, slots, tombstones, List.copyOf(arrays), rebuilt);
    }

    /** class id -> kind, for every class that is a known kind or extends one (the nearest known class wins). */
    private static Map<Long, MapKind> classify(HeapGraph graph) {
        Map<String, MapKind> byName = new HashMap<>();
        for (MapKind k : MapKinds.ALL) {
            k.classNames().forEach(n -> byName.put(n, k));
        }
        Map<Long, MapKind> kinds = new HashMap<>();
        for (Iterator<HeapObject.HeapClass> it = graph.getClasses().iterator(); it.hasNext(); ) {
            HeapObject.HeapClass c = it.next();
            for (Iterator<HeapObject.HeapClass> up = c.getClassHierarchy().iterator(); up.hasNext(); ) {
                MapKind k = byName.get(up.next().getName());
                if (k != null) {
                    kinds.put(c.getObjectId(), k);
                    break;
                }
            }
        }
        return kinds;
    }

    /** The map's class and superclasses: a referrer whose class is nested in one of them is a view of the map. */
    private static Set<String> outerNames(HeapObject.HeapClass c) {
        Set<String> names = new HashSet<>();
        for (Iterator<HeapObject.HeapClass> up = c.getClassHierarchy().iterator(); up.hasNext(); ) {
            names.add(up.next().getName());
        }
        return names;
    }

    private static long[] sortedIds(HeapGraph graph) {
        long[] ids = new long[graph.getObjectCount()];
        int i = 0;
        for (Iterator<HeapObject> it = graph.getObjects().iterator(); it.hasNext() && i < ids.length; ) {
            ids[i++] = it.next().getObjectId();
        }
        ids = i == ids.length ? ids : Arrays.copyOf(ids, i);
        Arrays.sort(ids);
        return ids;
    }
}
