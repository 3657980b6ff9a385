package dev.mapleak.scan;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import kotlin.jvm.JvmClassMappingKt;
import shark.GcRoot;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeader;
import shark.HprofRecord;
import shark.StreamingHprofReader;
import shark.StreamingRecordReaderAdapter;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Finds the referrer of each map: the dump holds only forward references, so one streaming pass over every
 * instance and object array looks for the maps' ids in their reference fields. Static fields and GC roots come
 * from Shark's index. A map's own views (its key set, its iterators: inner classes of the map's class) count only
 * when nothing else references it.
 */
final class Owners {

    /** The byte offsets and names of one class's reference fields inside an instance record. */
    private record ReferenceFields(String className, int[] offsets, String[] names) {
    }

    private final HeapGraph graph;
    private final int idSize;
    /** map id -> the outer class names that make a referrer a view of it (the map's class and superclasses). */
    private final Long2ObjectOpenHashMap<Set<String>> maps; // primitive keys: looked up for every reference
    private final Long2ObjectOpenHashMap<Owner> owners = new Long2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<ReferenceFields> layouts = new Long2ObjectOpenHashMap<>();

    private Owners(HeapGraph graph, Long2ObjectOpenHashMap<Set<String>> maps) {
        this.graph = graph;
        this.idSize = graph.getIdentifierByteSize();
        this.maps = maps;
    }

    static Long2ObjectOpenHashMap<Owner> find(HeapGraph graph, File file, HprofHeader header,
                                              Long2ObjectOpenHashMap<Set<String>> maps, Progress progress,
                                              long fileSize) {
        Owners o = new Owners(graph, maps);
        o.staticFields();
        o.gcRoots();
        o.stream(file, header, progress, fileSize);
        return o.owners;
    }

    private void offer(long mapId, Owner owner) {
        Owner current = owners.get(mapId);
        if (current == null || owner.rank() < current.rank()) {
            owners.put(mapId, owner);
        }
    }

    private void staticFields() {
        for (Iterator<HeapObject.HeapClass> it = graph.getClasses().iterator(); it.hasNext(); ) {
            HeapObject.HeapClass c = it.next();
            for (Iterator<HeapField> f = c.readStaticFields().iterator(); f.hasNext(); ) {
                HeapField field = f.next();
                Long id = field.getValue().getAsObjectId();
                if (id != null && maps.containsKey(id.longValue())) {
                    offer(id, Owner.staticField(c.getName(), field.getName()));
                }
            }
        }
    }

    private void gcRoots() {
        for (GcRoot root : graph.getGcRoots()) {
            if (maps.containsKey(root.getId())) {
                offer(root.getId(), Owner.gcRoot(root.getClass().getSimpleName()));
            }
        }
    }

    private void stream(File file, HprofHeader header, Progress progress, long fileSize) {
        StreamingHprofReader reader = StreamingHprofReader.Companion.readerFor(file, header);
        var kinds = Set.of(
                JvmClassMappingKt.getKotlinClass(HprofRecord.HeapDumpRecord.ObjectRecord.InstanceDumpRecord.class),
                JvmClassMappingKt.getKotlinClass(HprofRecord.HeapDumpRecord.ObjectRecord.ObjectArrayDumpRecord.class));
        new StreamingRecordReaderAdapter(reader).readRecords(kinds, (position, record) -> {
            progress.update(position, fileSize);
            if (record instanceof HprofRecord.HeapDumpRecord.ObjectRecord.InstanceDumpRecord i) {
                instance(i);
            } else if (record instanceof HprofRecord.HeapDumpRecord.ObjectRecord.ObjectArrayDumpRecord a) {
                for (long element : a.getElementIds()) {
                    if (element != 0 && maps.containsKey(element)) {
                        HeapObject cls = graph.findObjectByIdOrNull(a.getArrayClassId());
                        offer(element, Owner.arrayElement(a.getId(),
                                cls instanceof HeapObject.HeapClass c ? c.getName() : "an array"));
                    }
                }
            }
        });
    }

    private void instance(HprofRecord.HeapDumpRecord.ObjectRecord.InstanceDumpRecord record) {
        ReferenceFields fields = layouts.get(record.getClassId());
        if (fields == null) {
            fields = referenceFields(record.getClassId());
            layouts.put(record.getClassId(), fields);
        }
        byte[] values = record.getFieldValues();
        for (int i = 0; i < fields.offsets.length; i++) {
            int at = fields.offsets[i];
            if (at + idSize > values.length) {
                continue;
            }
            long id = 0;
            for (int b = 0; b < idSize; b++) {
                id = (id << 8) | (values[at + b] & 0xff);
            }
            if (id != 0 && id != record.getId()) {
                Set<String> outers = maps.get(id);
                if (outers != null) {
                    String referrer = fields.className;
                    offer(id, isView(referrer, outers) ? Owner.view(record.getId(), referrer, fields.names[i])
                            : Owner.field(record.getId(), referrer, fields.names[i]));
                }
            }
        }
    }

    /**
     * A key set, values, entry set, iterator or spliterator nested in the map's own class (or a superclass):
     * {@code java.util.HashMap$KeySet}, {@code ConcurrentHashMap$KeySetView}. Nodes ({@code HashMap$Node.value})
     * are not views: a map held as another map's value is owned through that node.
     */
    private static boolean isView(String referrer, Set<String> outers) {
        int dollar = referrer.indexOf('$');
        if (dollar <= 0 || !outers.contains(referrer.substring(0, dollar))) {
            return false;
        }
        String nested = referrer.substring(dollar + 1);
        return VIEW_NAMES.matcher(nested).find();
    }

    private static final java.util.regex.Pattern VIEW_NAMES =
            java.util.regex.Pattern.compile("Set|Values|Collection|View|Iterator|Spliterator");

    /** hprof writes an instance's fields class first, then each superclass's, in declaration order. */
    private ReferenceFields referenceFields(long classId) {
        HeapObject o = graph.findObjectByIdOrNull(classId);
        if (!(o instanceof HeapObject.HeapClass cls)) {
            return new ReferenceFields("?", new int[0], new String[0]);
        }
        List<Integer> offsets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int offset = 0;
        for (Iterator<HeapObject.HeapClass> it = cls.getClassHierarchy().iterator(); it.hasNext(); ) {
            HeapObject.HeapClass c = it.next();
            for (HprofRecord.HeapDumpRecord.ObjectRecord.ClassDumpRecord.FieldRecord f : c.readRecordFields()) {
                int size = fieldSize(f.getType());
                if (f.getType() == 2) {
                    offsets.add(offset);
                    names.add(c.instanceFieldName(f));
                }
                offset += size;
            }
        }
        return new ReferenceFields(cls.getName(), offsets.stream().mapToInt(Integer::intValue).toArray(),
                names.toArray(String[]::new));
    }

    /** hprof basic types: 2 object, 4 boolean, 5 char, 6 float, 7 double, 8 byte, 9 short, 10 int, 11 long. */
    private int fieldSize(int type) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("unknown hprof field type " + type);
        };
    }
}
