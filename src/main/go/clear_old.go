//go:build !go1.21

package main

// haveClear: Go before 1.21 has no clear builtin, so the CLEAR strategy does not apply (deleting every key
// in a loop is what the DELETED phase already does).
const haveClear = false

// clearMap is never called when haveClear is false: main rejects CLEAR first.
func clearMap[K comparable, V any](m map[K]V) {
	panic("clear needs Go 1.21")
}
