package main

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// subjectMap is the Go side of dev.mapleak.subject.SubjectMap for the lifecycle: one real Go map, either
// map[int][N]byte (INLINE as declared; the runtime itself stores elems over 128 bytes through a pointer) or
// map[int]*[N]byte (POINTER: one allocation per value, made by the program).
type subjectMap interface {
	// fill puts a new value for every key, in order (Lifecycle.fill).
	fill(keys []int)
	// delete removes the first n keys of the insertion order (Lifecycle.delete) and returns what is left.
	delete(keys []int, n int) int
	// rebuild is the seed's remedy 1: a new map sized for the survivors, every entry copied, the old one dropped.
	rebuild()
	// clear is Go 1.21's clear(m); only called when haveClear.
	clear()
	len() int
	// goType is the map's Go type as a reader would write it, e.g. map[int][128]byte.
	goType() string
}

// inlineMap is map[int][N]byte with A = [N]byte. A value is the seed's m[i] = [N]byte{}, with the key's low
// byte written to its first byte so that values differ (SubjectMap.putNew).
type inlineMap[A any] struct {
	m    map[int]A
	size int
}

func (s *inlineMap[A]) fill(keys []int) {
	m := s.m
	for _, k := range keys {
		var v A
		*(*byte)(unsafe.Pointer(&v)) = byte(k)
		m[k] = v
	}
}

func (s *inlineMap[A]) delete(keys []int, n int) int {
	m := s.m
	for _, k := range keys[:n] {
		delete(m, k)
	}
	return len(m)
}

func (s *inlineMap[A]) rebuild() {
	n := make(map[int]A, len(s.m))
	for k, v := range s.m {
		n[k] = v
	}
	s.m = n
}

func (s *inlineMap[A]) clear()         { clearMap(s.m) }
func (s *inlineMap[A]) len() int       { return len(s.m) }
func (s *inlineMap[A]) goType() string { return fmt.Sprintf("map[int][%d]byte", s.size) }

// pointerMap is map[int]*[N]byte with A = [N]byte: every put allocates a new zeroed [N]byte (new(A)).
type pointerMap[A any] struct {
	m    map[int]*A
	size int
}

func (s *pointerMap[A]) fill(keys []int) {
	m := s.m
	for _, k := range keys {
		v := new(A)
		*(*byte)(unsafe.Pointer(v)) = byte(k)
		m[k] = v
	}
}

func (s *pointerMap[A]) delete(keys []int, n int) int {
	m := s.m
	for _, k := range keys[:n] {
		delete(m, k)
	}
	return len(m)
}

func (s *pointerMap[A]) rebuild() {
	n := make(map[int]*A, len(s.m))
	for k, v := range s.m {
		n[k] = v
	}
	s.m = n
}

func (s *pointerMap[A]) clear()         { clearMap(s.m) }
func (s *pointerMap[A]) len() int       { return len(s.m) }
func (s *pointerMap[A]) goType() string { return fmt.Sprintf("map[int]*[%d]byte", s.size) }

// maker makes an empty map of one value size, the seed's make(map[...]) without a size hint.
type maker func(storage string) subjectMap

func sized[A any](size int) maker {
	if int(unsafe.Sizeof(*new(A))) != size {
		panic(fmt.Sprintf("value type of %d bytes registered as %d", unsafe.Sizeof(*new(A)), size))
	}
	return func(storage string) subjectMap {
		if storage == "POINTER" {
			return &pointerMap[A]{m: make(map[int]*A), size: size}
		}
		return &inlineMap[A]{m: make(map[int]A), size: size}
	}
}

// valueSizes are the value sizes compiled in: Go needs the array length at compile time. They cover every
// valueSize LifecycleBenchmark declares; dev.mapleak.gorun.GoProgram reads this list from this file, so keep
// it one `N: sized[[N]byte](N),` per line.
var valueSizes = map[int]maker{
	8:    sized[[8]byte](8),
	16:   sized[[16]byte](16),
	32:   sized[[32]byte](32),
	64:   sized[[64]byte](64),
	96:   sized[[96]byte](96),
	127:  sized[[127]byte](127),
	128:  sized[[128]byte](128),
	129:  sized[[129]byte](129),
	160:  sized[[160]byte](160),
	192:  sized[[192]byte](192),
	256:  sized[[256]byte](256),
	512:  sized[[512]byte](512),
	1024: sized[[1024]byte](1024),
}

func supportedSizes() string {
	sizes := make([]int, 0, len(valueSizes))
	for s := range valueSizes {
		sizes = append(sizes, s)
	}
	sort.Ints(sizes)
	parts := make([]string, len(sizes))
	for i, s := range sizes {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, ", ")
}
