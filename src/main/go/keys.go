package main

import "fmt"

// The order keys are inserted (and deleted) in: dev.mapleak.lifecycle.KeyOrder, key for key. RANDOM is the
// same Fisher-Yates shuffle driven by a port of java.util.SplittableRandom with the same seed, so a Go run
// and a Java run of RANDOM see exactly the same permutation (checked by GoRuntimeIT).

// keyOrderSeed is KeyOrder.SEED: "mapleak" in ASCII.
const keyOrderSeed = 0x6D61706C65616B

// goldenGamma is SplittableRandom's GOLDEN_GAMMA.
const goldenGamma = 0x9e3779b97f4a7c15

// splittableRandom is the part of java.util.SplittableRandom that nextInt(bound) uses.
type splittableRandom struct {
	seed uint64
}

func (r *splittableRandom) nextSeed() uint64 {
	r.seed += goldenGamma
	return r.seed
}

// mix32 is SplittableRandom.mix32 (variant 4 of Stafford's mix13, top 32 bits).
func mix32(z uint64) int32 {
	z = (z ^ (z >> 33)) * 0x62a9d9ed799705f5
	return int32(((z ^ (z >> 28)) * 0xcb24d0a5c88c35b3) >> 32)
}

func (r *splittableRandom) nextInt() int32 {
	return mix32(r.nextSeed())
}

// nextIntBound is SplittableRandom.nextInt(bound) (RandomSupport.boundedNextInt): a power of two masks,
// anything else rejects over-represented candidates. Java's int overflow is reproduced with int32.
func (r *splittableRandom) nextIntBound(bound int32) int32 {
	rv := r.nextInt()
	m := bound - 1
	if bound&m == 0 {
		return rv & m
	}
	u := int32(uint32(rv) >> 1)
	for {
		rv = u % bound
		if u+m-rv >= 0 {
			return rv
		}
		u = int32(uint32(r.nextInt()) >> 1)
	}
}

// keyOrder returns the n keys 0..n-1 in the named order: SEQUENTIAL or RANDOM.
func keyOrder(order string, n int) ([]int, error) {
	if n < 1 {
		return nil, fmt.Errorf("entries must be >= 1, got %d", n)
	}
	if n > 1<<31-1 {
		return nil, fmt.Errorf("entries must fit a Java int (at most %d), got %d", 1<<31-1, n)
	}
	keys := make([]int, n)
	for i := range keys {
		keys[i] = i
	}
	switch order {
	case "SEQUENTIAL":
	case "RANDOM":
		r := splittableRandom{seed: keyOrderSeed}
		for i := n - 1; i > 0; i-- { // Fisher-Yates, as KeyOrder.keys
			j := int(r.nextIntBound(int32(i + 1)))
			keys[i], keys[j] = keys[j], keys[i]
		}
	default:
		return nil, fmt.Errorf("unknown keys '%s'; valid values: SEQUENTIAL, RANDOM", order)
	}
	return keys, nil
}
