package main

import (
	"runtime"
	"runtime/debug"
	"syscall"
)

// Every figure below is read from the runtime or from /proc, never computed from a model.
//
// After a phase (and, with the prefix "start.", right after make(map) in the fill benchmark, as the Java
// side does) the program takes three readings in this order:
//
//	nogc.          what the process holds right after the phase, before any collection
//	(no infix)     after runtime.GC(): the readings comparable to the Java side's
//	freeosmemory.  after debug.FreeOSMemory() (a forced GC that also returns free pages to the OS)
//
// and reports, for each reading R in {"nogc.", "", "freeosmemory."} and phase prefix P in {"", "start."}:
//
//	P R retained.heap.bytes     MemStats.HeapAlloc minus the baseline HeapAlloc (see below): the map's bytes
//	P R heap.committed.bytes    MemStats.HeapSys: heap address space the runtime has obtained (includes
//	                            released pages; HeapSys - HeapReleased is what is still backed)
//	P R process.rss.bytes       VmRSS of /proc/self/status
//	P R go.heap.alloc.bytes     MemStats.HeapAlloc, absolute
//	P R go.heap.inuse.bytes     MemStats.HeapInuse: bytes in spans with at least one object
//	P R go.heap.released.bytes  MemStats.HeapReleased: bytes returned to the OS
//	P   live.entries            len(m)
//	    go.baseline.heap.alloc.bytes  the baseline itself
//
// The baseline is HeapAlloc after two runtime.GC() calls (readBaseline), taken before the map exists (the
// keys already do), as RetainedMemoryRecorder.takeBaseline does on the Java side. What is retained then
// includes, besides the Go map itself, the program's 16-byte holder of it (the map pointer and the value
// size). Names without an infix are exactly the Java metric names (dev.mapleak.measure.Probe), so the report
// reads them like any other subject's.
//
// RSS after runtime.GC() depends on timing: Go's background scavenger returns free pages to the OS on its own
// schedule. After debug.FreeOSMemory() every free page has been returned.

// reading is one set of figures.
type reading struct {
	heapAlloc, heapInuse, heapSys, heapReleased uint64
	rss                                         int64 // -1 where /proc/self/status is not readable
}

// memStats is package-level so that reading it allocates nothing on the heap being measured.
var memStats runtime.MemStats

func read() reading {
	runtime.ReadMemStats(&memStats)
	return reading{
		heapAlloc:    memStats.HeapAlloc,
		heapInuse:    memStats.HeapInuse,
		heapSys:      memStats.HeapSys,
		heapReleased: memStats.HeapReleased,
		rss:          residentBytes(),
	}
}

func readAfterGC() reading {
	runtime.GC()
	return read()
}

// readBaseline is readAfterGC after a second collection: objects in a sync.Pool (fmt keeps its printers
// there) survive one GC in the pool's victim cache and are freed by the next, which would otherwise make the
// next reading smaller than the map it measures.
func readBaseline() reading {
	runtime.GC()
	return readAfterGC()
}

func readAfterFreeOSMemory() reading {
	debug.FreeOSMemory()
	return read()
}

// statusBuf holds /proc/self/status; read with raw syscalls so that no Go heap object is allocated.
var statusBuf [16384]byte

// residentBytes is VmRSS from /proc/self/status, in bytes, or -1.
func residentBytes() int64 {
	fd, err := syscall.Open("/proc/self/status", syscall.O_RDONLY, 0)
	if err != nil {
		return -1
	}
	defer syscall.Close(fd)
	n := 0
	for n < len(statusBuf) {
		r, err := syscall.Read(fd, statusBuf[n:])
		if err != nil || r <= 0 {
			break
		}
		n += r
	}
	return parseVmRSS(statusBuf[:n])
}

// parseVmRSS finds the line "VmRSS:\t  12345 kB" and returns it in bytes, or -1.
func parseVmRSS(status []byte) int64 {
	const key = "VmRSS:"
	for i := 0; i+len(key) <= len(status); i++ {
		if (i == 0 || status[i-1] == '\n') && string(status[i:i+len(key)]) == key {
			var kb int64
			digits := false
			for j := i + len(key); j < len(status) && status[j] != '\n'; j++ {
				c := status[j]
				if c >= '0' && c <= '9' {
					kb = kb*10 + int64(c-'0')
					digits = true
				} else if digits {
					break
				}
			}
			if digits {
				return kb * 1024
			}
			return -1
		}
	}
	return -1
}
