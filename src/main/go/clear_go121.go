//go:build go1.21

package main

// haveClear: this toolchain has the clear builtin (Go 1.21 and later).
const haveClear = true

// clearMap is the CLEAR strategy: Go's own clear(m), which keeps the map's storage.
func clearMap[K comparable, V any](m map[K]V) {
	clear(m)
}
