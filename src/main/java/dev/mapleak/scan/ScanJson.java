package dev.mapleak.scan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The scan for machines: every number exact (bytes, counts), one object per owner group. */
final class ScanJson {

    private ScanJson() {
    }

    static String of(ScanReport r) {
        HeapScan.Result s = r.scan();
        JsonObject root = new JsonObject();
        root.addProperty("dump", s.dump().toString());
        root.addProperty("dumpBytes", s.dumpBytes());
        root.addProperty("objects", s.objects());
        root.addProperty("seconds", Math.round(s.seconds() * 10) / 10.0);
        root.addProperty("peakHeapBytes", r.peakHeapBytes());
        JsonObject layout = new JsonObject();
        layout.addProperty("name", r.layout().name().toLowerCase());
        layout.addProperty("referenceBytes", r.layout().referenceSize());
        layout.addProperty("reason", s.layout().reason());
        root.add("layout", layout);
        root.addProperty("maps", s.maps().size());
        root.addProperty("groups", r.groups());
        root.addProperty("tableBytes", r.totalTable());
        root.addProperty("freeableBytes", r.totalFreeable());
        root.addProperty("top", r.top());
        root.addProperty("minWasteBytes", r.minWaste());
        if (r.costs() != null) {
            root.addProperty("costsFrom", r.costs().folder().toString());
        }
        JsonArray groups = new JsonArray();
        for (OwnerGroup g : r.shown()) {
            JsonObject o = new JsonObject();
            o.addProperty("owner", g.owner());
            o.addProperty("kind", g.kind().name());
            o.addProperty("maps", g.maps());
            o.addProperty("liveEntries", g.live());
            o.addProperty("tableSlots", g.slots());
            o.addProperty("largestTableSlots", g.largestSlots());
            o.addProperty("tombstones", g.tombstones());
            o.addProperty("fillRatio", g.fillRatio());
            o.addProperty("tableBytes", g.tableBytes());
            o.addProperty("freeableBytes", g.freeable());
            o.addProperty("remedy", g.kind().remedy());
            if (g.cost() != null) {
                JsonObject c = new JsonObject();
                c.addProperty("subject", g.cost().subject());
                c.addProperty("strategy", g.cost().strategy());
                c.addProperty("entries", g.cost().entries());
                c.addProperty("deleteFraction", g.cost().deleteFraction());
                c.addProperty("valueSize", g.cost().valueSize());
                c.addProperty("score", g.cost().score());
                c.addProperty("unit", g.cost().unit());
                o.add("measuredCost", c);
            }
            groups.add(o);
        }
        root.add("ownerGroups", groups);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
