package dev.mapleak.scan;

import java.util.List;

/**
 * A scan ready to print: the groups that pass {@code --min-waste}, at most {@code --top} of them, and the totals
 * over every map found.
 */
record ScanReport(HeapScan.Result scan, List<OwnerGroup> shown, int groups, long totalTable, long totalFreeable,
                  long minWaste, int top, RemedyCosts costs, long peakHeapBytes) {

    static ScanReport of(HeapScan.Result scan, RemedyCosts costs, long minWaste, int top, long peakHeapBytes) {
        List<OwnerGroup> all = OwnerGroup.of(scan, costs);
        long table = all.stream().mapToLong(OwnerGroup::tableBytes).sum();
        long freeable = all.stream().mapToLong(OwnerGroup::freeable).sum();
        List<OwnerGroup> shown = all.stream().filter(g -> g.freeable() >= minWaste).limit(top).toList();
        return new ScanReport(scan, shown, all.size(), table, freeable, minWaste, top, costs, peakHeapBytes);
    }

    Layout layout() {
        return scan.layout().layout();
    }

    String summary() {
        return String.format("%,d maps in %,d owner groups: tables %s, a remedy would free %s",
                scan.maps().size(), groups, Bytes.human(totalTable), Bytes.human(totalFreeable));
    }

    String layoutLine() {
        return "layout: " + layout().describe() + ": " + scan.layout().reason();
    }

    String selection() {
        return String.format("%,d groups shown (--top %d, --min-waste %s)", shown.size(), top, Bytes.human(minWaste));
    }
}
