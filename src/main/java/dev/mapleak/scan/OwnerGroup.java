package dev.mapleak.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maps of one kind held by one owner: "2,500 HashMaps held by com.example.OrderBook.byCustomer keep 5 MiB of
 * empty tables". Bytes are heap bytes under the scan's {@link Layout}.
 *
 * @param freeable bytes the kind's remedy would free, summed over the maps
 * @param cost     the measured cost of that remedy from a mapleak run, or null
 */
public record OwnerGroup(String owner, MapKind kind, int maps, long live, long slots, long tombstones,
                         long tableBytes, long freeable, RemedyCosts.Cost cost, long largestSlots) {

    /** Aggregate fill ratio: live entries / table slots over the group (MAT's ratio, summed). */
    public double fillRatio() {
        return slots == 0 ? 1.0 : (double) live / slots;
    }

    /** Groups every map by owner and kind, largest freeable first (then largest tables). */
    static List<OwnerGroup> of(HeapScan.Result scan, RemedyCosts costs) {
        Layout layout = scan.layout().layout();
        Map<String, List<FoundMap>> byKey = new LinkedHashMap<>();
        for (FoundMap m : scan.maps()) {
            byKey.computeIfAbsent(scan.owner(m).display() + "\u0000" + m.kind().name(), k -> new ArrayList<>()).add(m);
        }
        List<OwnerGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<FoundMap>> e : byKey.entrySet()) {
            List<FoundMap> maps = e.getValue();
            MapKind kind = maps.get(0).kind();
            long live = 0;
            long slots = 0;
            long tombstones = 0;
            long table = 0;
            long freeable = 0;
            long largest = 0;
            for (FoundMap m : maps) {
                live += m.size();
                slots += m.slots();
                tombstones += m.tombstones();
                table += m.tableBytes(layout);
                freeable += m.freeable(layout);
                largest = Math.max(largest, m.slots());
            }
            RemedyCosts.Cost cost = costs == null ? null : costs.nearest(kind, largest).orElse(null);
            groups.add(new OwnerGroup(e.getKey().substring(0, e.getKey().indexOf('\u0000')), kind, maps.size(), live,
                    slots, tombstones, table, freeable, cost, largest));
        }
        groups.sort(Comparator.comparingLong(OwnerGroup::freeable).reversed()
                .thenComparing(Comparator.comparingLong(OwnerGroup::tableBytes).reversed())
                .thenComparing(OwnerGroup::owner));
        return groups;
    }
}
