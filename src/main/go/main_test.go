package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// Run by GoRuntimeIT (go test in this folder) and by hand: go test .

func TestMapImplementationFollowsTheVersionAndExperiments(t *testing.T) {
	// Swiss tables are the default map from Go 1.24 (go.dev/doc/go1.24, "Runtime"); GOEXPERIMENT=noswissmap
	// brought the classic map back in 1.24 and 1.25.
	for _, c := range []struct{ version, experiment, want string }{
		{"go1.19.8", "", "classic"},
		{"go1.23.4", "", "classic"},
		{"go1.23.4", "swissmap", "swiss"},
		{"go1.24.0", "", "swiss"},
		{"go1.24rc1", "", "swiss"},
		{"go1.24.2", "noswissmap", "classic"},
		{"go1.24.2", "aliastypeparams,noswissmap", "classic"},
		{"devel go1.25-abcdef Tue Jan 7 2025", "", "swiss"},
		{"devel +abcdef", "", "unknown"},
	} {
		if got := mapImplementation(c.version, c.experiment); got != c.want {
			t.Errorf("mapImplementation(%q, %q) = %q, want %q", c.version, c.experiment, got, c.want)
		}
	}
}

func TestVmRSSIsReadInBytes(t *testing.T) {
	status := []byte("Name:\tgorun\nVmHWM:\t  2048 kB\nVmRSS:\t   1234 kB\nRssAnon:\t 1000 kB\n")
	if got := parseVmRSS(status); got != 1234*1024 {
		t.Errorf("parseVmRSS = %d, want %d", got, 1234*1024)
	}
	if got := parseVmRSS([]byte("Name:\tgorun\n")); got != -1 {
		t.Errorf("parseVmRSS without VmRSS = %d, want -1", got)
	}
	if residentBytes() <= 0 {
		t.Errorf("this process has no VmRSS")
	}
}

func TestEveryRegisteredSizeIsItsArraysSize(t *testing.T) {
	for size, mk := range valueSizes {
		for _, storage := range []string{"INLINE", "POINTER"} {
			m := mk(storage)
			m.fill([]int{1, 2, 3})
			if m.delete([]int{1, 2, 3}, 2) != 1 {
				t.Errorf("%s: one key must survive deleting two of three", m.goType())
			}
			if !strings.Contains(m.goType(), "]byte") || !strings.Contains(m.goType(), "["+strconv.Itoa(size)+"]") {
				t.Errorf("size %d registered as %s", size, m.goType())
			}
		}
	}
}

func TestBadInputIsOneLineNamingWhatIsValid(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-valueSize", "100"}, "valueSize 100 is not compiled in; valid sizes: 8, 16, 32"},
		{[]string{"-storage", "INLINED"}, "unknown storage 'INLINED'; valid values: INLINE, POINTER"},
		{[]string{"-strategy", "TRIM"}, "not applicable: TRIM: Go maps have no shrink of their own"},
		{[]string{"-strategy", "CLEAR", "-deleteFraction", "0.5"}, "CLEAR"},
		{[]string{"-deleteFraction", "1.5"}, "deleteFraction must be between 0 and 1, got '1.5'"},
		{[]string{"-keys", "SORTED", "-entries", "3"}, "unknown keys 'SORTED'; valid values: SEQUENTIAL, RANDOM"},
		{[]string{"-nonsense"}, "flag provided but not defined: -nonsense"},
	} {
		var out, errOut bytes.Buffer
		err := run(c.args, &out, &errOut)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("run(%v) = %v, want one line containing %q", c.args, err, c.want)
		}
		if out.Len() != 0 {
			t.Errorf("run(%v) printed a result for bad input", c.args)
		}
	}
}

func TestAResultIsJMHShapedWithTheJavaMetricNames(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-benchmark", "fill", "-valueSize", "128", "-entries", "1000", "-runs", "2"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var results []struct {
		Benchmark     string            `json:"benchmark"`
		Mode          string            `json:"mode"`
		Params        map[string]string `json:"params"`
		PrimaryMetric struct {
			ScoreUnit string      `json:"scoreUnit"`
			RawData   [][]float64 `json:"rawData"`
		} `json:"primaryMetric"`
		SecondaryMetrics map[string]struct {
			Score   float64     `json:"score"`
			RawData [][]float64 `json:"rawData"`
		} `json:"secondaryMetrics"`
	}
	if err := json.Unmarshal(out.Bytes(), &results); err != nil {
		t.Fatal(err)
	}
	r := results[0]
	if r.Benchmark != "dev.mapleak.go.GoLifecycle.fill" || r.Mode != "ss" || r.PrimaryMetric.ScoreUnit != "ms/op" {
		t.Errorf("benchmark %q, mode %q, unit %q", r.Benchmark, r.Mode, r.PrimaryMetric.ScoreUnit)
	}
	if len(r.PrimaryMetric.RawData) != 1 || len(r.PrimaryMetric.RawData[0]) != 2 {
		t.Errorf("rawData %v: want one fork of two runs", r.PrimaryMetric.RawData)
	}
	want := map[string]string{"subject": "GO_RUNTIME", "valueSize": "128", "storage": "INLINE", "entries": "1000", "keys": "SEQUENTIAL"}
	if len(r.Params) != len(want) {
		t.Errorf("params %v, want %v", r.Params, want)
	}
	for k, v := range want {
		if r.Params[k] != v {
			t.Errorf("params %v, want %v", r.Params, want)
		}
	}
	for _, name := range []string{"retained.heap.bytes", "heap.committed.bytes", "process.rss.bytes", "live.entries",
		"start.retained.heap.bytes", "start.live.entries", "nogc.retained.heap.bytes", "freeosmemory.process.rss.bytes",
		"go.heap.inuse.bytes", "go.heap.released.bytes", "go.baseline.heap.alloc.bytes"} {
		if _, ok := r.SecondaryMetrics[name]; !ok {
			t.Errorf("no secondary metric %s", name)
		}
	}
	if r.SecondaryMetrics["live.entries"].Score != 1000 || r.SecondaryMetrics["start.live.entries"].Score != 0 {
		t.Errorf("live entries %v after fill, %v at start", r.SecondaryMetrics["live.entries"].Score,
			r.SecondaryMetrics["start.live.entries"].Score)
	}
	// 1000 entries of 128 bytes are more than 128,000 bytes of buckets
	if r.SecondaryMetrics["retained.heap.bytes"].Score < 128000 {
		t.Errorf("retained %v bytes for 1000 128-byte values", r.SecondaryMetrics["retained.heap.bytes"].Score)
	}
}
