package dev.mapleak.scan;

import shark.HeapField;
import shark.HeapObject;
import shark.HeapValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@link MapFields} over one instance of Shark's heap graph; its fields are read once. */
final class SharkFields implements MapFields {

    private final HeapObject.HeapInstance instance;
    private final Map<String, HeapValue> values = new HashMap<>();

    SharkFields(HeapObject.HeapInstance instance) {
        this.instance = instance;
        for (Iterator<HeapField> it = instance.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            values.putIfAbsent(f.getName(), f.getValue()); // the most derived class's field comes first
        }
    }

    long id() {
        return instance.getObjectId();
    }

    String className() {
        return instance.getInstanceClassName();
    }

    private HeapValue value(String field) {
        HeapValue v = values.get(field);
        if (v == null) {
            throw new IllegalStateException(instance.getInstanceClassName() + " has no field '" + field + "'");
        }
        return v;
    }

    @Override
    public int intValue(String field) {
        return value(field).getAsInt();
    }

    @Override
    public long longValue(String field) {
        return value(field).getAsLong();
    }

    @Override
    public boolean booleanValue(String field) {
        return value(field).getAsBoolean();
    }

    @Override
    public float floatValue(String field) {
        return value(field).getAsFloat();
    }

    @Override
    public double doubleValue(String field) {
        return value(field).getAsDouble();
    }

    @Override
    public MapFields object(String field) {
        HeapObject o = value(field).getAsObject();
        return o instanceof HeapObject.HeapInstance i ? new SharkFields(i) : null;
    }

    /** The array a field points to, or null. */
    HeapObject array(String field) {
        HeapObject o = value(field).getAsObject();
        return o instanceof HeapObject.HeapObjectArray || o instanceof HeapObject.HeapPrimitiveArray ? o : null;
    }

    @Override
    public List<MapFields> elements(String field) {
        List<MapFields> out = new ArrayList<>();
        if (value(field).getAsObject() instanceof HeapObject.HeapObjectArray a) {
            for (Iterator<HeapValue> it = a.readElements().iterator(); it.hasNext(); ) {
                HeapObject o = it.next().getAsObject();
                out.add(o instanceof HeapObject.HeapInstance i ? new SharkFields(i) : null);
            }
        }
        return out;
    }

    @Override
    public int arrayLength(String field) {
        HeapObject o = array(field);
        return o == null ? -1 : TableArray.of(o, instance.getGraph().getIdentifierByteSize()).length();
    }
}
