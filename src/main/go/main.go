// Command gorun is mapleak's Go program: the seed's lifecycle (fill, delete, reclaim) on a real Go map,
// measured by Go's own runtime, written as JMH-shaped JSON so that mapleak's report reads it like any other
// result (subject GO_RUNTIME, beside GO_HYBRID, the Java model of Go's map).
//
//	go run . -benchmark reclaim -valueSize 128 -storage INLINE -entries 1000000 -keys SEQUENTIAL \
//	    -deleteFraction 1.0 -strategy KEEP -warmups 0 -runs 5 > result.json
//
// One benchmark times one phase, as dev.mapleak.bench.LifecycleBenchmark does: fill times the puts into an
// empty map, delete the removal of the first deleteFraction of the keys, reclaim the strategy (KEEP,
// REBUILD, and CLEAR where the toolchain has Go 1.21's clear). The phases before the timed one are set-up.
// Each run starts from a fresh map; warm-up runs are done the same way and not recorded. memory.go says
// what is read after the timed phase. Standard library only.
//
// Exit status: 0 measured, 2 bad input (one line on stderr starting "mapleak: "), anything else a crash.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Benchmark names mirror dev.mapleak.bench.LifecycleBenchmark's methods.
const benchmarkPrefix = "dev.mapleak.go.GoLifecycle."

type options struct {
	benchmark      string
	valueSize      int
	storage        string
	entries        int
	keys           string
	deleteFraction string
	strategy       string
	warmups        int
	runs           int
	printKeys      int
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mapleak: "+err.Error())
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	o, err := parse(args)
	if err != nil {
		return err
	}
	if o.printKeys > 0 {
		keys, err := keyOrder(o.keys, o.printKeys)
		if err != nil {
			return err
		}
		for _, k := range keys {
			fmt.Fprintln(stdout, k)
		}
		return nil
	}
	mk := valueSizes[o.valueSize]
	keys, err := keyOrder(o.keys, o.entries)
	if err != nil {
		return err
	}
	fraction, _ := strconv.ParseFloat(o.deleteFraction, 64)
	deleteCount := int(math.Floor(float64(o.entries)*fraction + 0.5)) // Java's Math.round
	env := describeRuntime()

	res := newResults()
	for i := 0; i < o.warmups+o.runs; i++ {
		measured := i >= o.warmups
		fmt.Fprintf(stderr, "# %s %s, run %d of %d%s\n", o.benchmark, mk(o.storage).goType(), i+1,
			o.warmups+o.runs, map[bool]string{true: "", false: " (warm-up)"}[measured])
		r := lifecycle(o, mk, keys, deleteCount)
		if measured {
			r.addTo(res)
		}
		fmt.Fprintf(stderr, "  %.3f ms\n", float64(r.elapsed.Nanoseconds())/1e6)
	}

	params := map[string]string{
		"subject":   "GO_RUNTIME",
		"valueSize": strconv.Itoa(o.valueSize),
		"storage":   o.storage,
		"entries":   strconv.Itoa(o.entries),
		"keys":      o.keys,
	}
	if o.benchmark != "fill" {
		params["deleteFraction"] = o.deleteFraction
	}
	if o.benchmark == "reclaim" {
		params["strategy"] = o.strategy
	}
	env.MapType = mk(o.storage).goType()
	out := []result{{
		Benchmark:             benchmarkPrefix + o.benchmark,
		Mode:                  "ss",
		Threads:               1,
		Forks:                 1,
		Jvm:                   env.Executable,
		JvmArgs:               env.settings(),
		JdkVersion:            env.Version,
		VmName:                "Go runtime (" + runtime.Compiler + "), " + env.MapImplementation + " maps",
		VmVersion:             env.Version + " " + env.GOOS + "/" + env.GOARCH,
		WarmupIterations:      o.warmups,
		WarmupTime:            "single-shot",
		WarmupBatchSize:       1,
		MeasurementIterations: o.runs,
		MeasurementTime:       "single-shot",
		MeasurementBatchSize:  1,
		Params:                params,
		Go:                    env,
		PrimaryMetric:         res.metric(""),
		SecondaryMetrics:      res.secondary(),
	}}
	text, err := json.MarshalIndent(out, "", "    ")
	if err != nil {
		panic(err) // a bug: every value is a plain number or string
	}
	_, err = stdout.Write(append(text, '\n'))
	return err
}

func parse(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("gorun", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.benchmark, "benchmark", "reclaim", "fill, delete or reclaim: the phase that is timed")
	fs.IntVar(&o.valueSize, "valueSize", 128, "bytes per value (sizes compiled in: "+supportedSizes()+")")
	fs.StringVar(&o.storage, "storage", "INLINE", "INLINE = map[int][N]byte, POINTER = map[int]*[N]byte")
	fs.IntVar(&o.entries, "entries", 1000000, "keys put")
	fs.StringVar(&o.keys, "keys", "SEQUENTIAL", "SEQUENTIAL or RANDOM (KeyOrder's permutation)")
	fs.StringVar(&o.deleteFraction, "deleteFraction", "1.0", "fraction of the keys deleted, first in insertion order")
	fs.StringVar(&o.strategy, "strategy", "KEEP", "KEEP, REBUILD or CLEAR (Go 1.21+)")
	fs.IntVar(&o.warmups, "warmups", 0, "runs done first and not recorded")
	fs.IntVar(&o.runs, "runs", 5, "measured runs")
	fs.IntVar(&o.printKeys, "printKeys", 0, "print the first N keys of -keys order for N entries and exit")
	if err := fs.Parse(args); err != nil {
		return o, fmt.Errorf("%v (usage: go run . -benchmark fill|delete|reclaim -valueSize N -storage INLINE|POINTER "+
			"-entries N -keys SEQUENTIAL|RANDOM -deleteFraction F -strategy KEEP|REBUILD|CLEAR -warmups N -runs N)", err)
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument '%s'", fs.Arg(0))
	}
	if o.printKeys > 0 {
		return o, nil
	}
	switch o.benchmark {
	case "fill", "delete", "reclaim":
	default:
		return o, fmt.Errorf("unknown benchmark '%s'; valid benchmarks: fill, delete, reclaim", o.benchmark)
	}
	if _, ok := valueSizes[o.valueSize]; !ok {
		return o, fmt.Errorf("valueSize %d is not compiled in; valid sizes: %s", o.valueSize, supportedSizes())
	}
	if o.storage != "INLINE" && o.storage != "POINTER" {
		return o, fmt.Errorf("unknown storage '%s'; valid values: INLINE, POINTER", o.storage)
	}
	if o.entries < 1 {
		return o, fmt.Errorf("entries must be >= 1, got %d", o.entries)
	}
	fraction, err := strconv.ParseFloat(o.deleteFraction, 64)
	if err != nil || !(fraction >= 0 && fraction <= 1) {
		return o, fmt.Errorf("deleteFraction must be between 0 and 1, got '%s'", o.deleteFraction)
	}
	switch o.strategy {
	case "KEEP", "REBUILD":
	case "CLEAR":
		if !haveClear {
			return o, fmt.Errorf("not applicable: CLEAR needs the clear builtin of Go 1.21 or later; this program was built by %s",
				runtime.Version())
		}
		if fraction < 1 {
			return o, fmt.Errorf("not applicable: CLEAR would also drop the entries that survive deleteFraction=%s", o.deleteFraction)
		}
	case "TRIM":
		return o, fmt.Errorf("not applicable: TRIM: Go maps have no shrink of their own (B never decreases)")
	default:
		return o, fmt.Errorf("unknown strategy '%s'; valid strategies: KEEP, REBUILD, CLEAR", o.strategy)
	}
	if o.warmups < 0 || o.runs < 1 {
		return o, fmt.Errorf("warmups must be >= 0 and runs >= 1, got %d and %d", o.warmups, o.runs)
	}
	return o, nil
}

// phaseReadings are the three readings of memory.go after one phase, and the entries then in the map.
type phaseReadings struct {
	nogc, gc, free reading
	live           int
}

// runReadings is everything one run measured. It is a plain value: taking it allocates nothing, so the
// heap readings see the map and nothing the measuring code made.
type runReadings struct {
	base     reading
	start    phaseReadings // fill only: right after make(map)
	hasStart bool
	end      phaseReadings
	elapsed  time.Duration
}

// lifecycle performs one run: a baseline, a fresh map, the untimed phases before the benchmark's own, the
// timed phase, then the readings. The map is dropped on return.
func lifecycle(o options, mk maker, keys []int, deleteCount int) runReadings {
	var r runReadings
	r.base = readBaseline()
	s := mk(o.storage)
	var start time.Time
	switch o.benchmark {
	case "fill":
		r.start, r.hasStart = measure(s), true
		start = time.Now()
		s.fill(keys)
	case "delete":
		s.fill(keys)
		start = time.Now()
		s.delete(keys, deleteCount)
	case "reclaim":
		s.fill(keys)
		s.delete(keys, deleteCount)
		start = time.Now()
		switch o.strategy {
		case "REBUILD":
			s.rebuild()
		case "CLEAR":
			s.clear()
		}
	}
	r.elapsed = time.Since(start)
	r.end = measure(s)
	return r
}

// measure takes the three readings of memory.go in their order.
func measure(s subjectMap) phaseReadings {
	var p phaseReadings
	p.nogc = read()
	p.gc = readAfterGC()
	p.free = readAfterFreeOSMemory()
	p.live = s.len() // s (and so the map) is used after the collections: they cannot free it
	return p
}

// addTo turns one run's readings into metric samples (named in memory.go).
func (r runReadings) addTo(res *results) {
	res.add("", "ms", float64(r.elapsed.Nanoseconds())/1e6)
	res.add("go.baseline.heap.alloc.bytes", "bytes", float64(r.base.heapAlloc))
	if r.hasStart {
		r.start.addTo(res, "start.", r.base)
	}
	r.end.addTo(res, "", r.base)
}

func (p phaseReadings) addTo(res *results, prefix string, base reading) {
	for _, x := range []struct {
		infix string
		r     reading
	}{{"nogc.", p.nogc}, {"", p.gc}, {"freeosmemory.", p.free}} {
		name := prefix + x.infix
		res.add(name+"retained.heap.bytes", "bytes", float64(x.r.heapAlloc)-float64(base.heapAlloc))
		res.add(name+"heap.committed.bytes", "bytes", float64(x.r.heapSys))
		if x.r.rss >= 0 {
			res.add(name+"process.rss.bytes", "bytes", float64(x.r.rss))
		}
		res.add(name+"go.heap.alloc.bytes", "bytes", float64(x.r.heapAlloc))
		res.add(name+"go.heap.inuse.bytes", "bytes", float64(x.r.heapInuse))
		res.add(name+"go.heap.released.bytes", "bytes", float64(x.r.heapReleased))
	}
	res.add(prefix+"live.entries", "entries", float64(p.live))
}

// ---- the runtime a result was measured on ----

// goRuntime is recorded in every result ("go"), and in the JMH fields a JMH reader already knows
// (jdkVersion = runtime.Version(), jvmArgs = the runtime settings, vmName names the map implementation).
type goRuntime struct {
	Version    string `json:"version"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	Compiler   string `json:"compiler"`
	GOGC       string `json:"gogc"`
	GOMEMLIMIT string `json:"gomemlimit"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	GODEBUG    string `json:"godebug"`
	Experiment string `json:"goexperiment"`
	// MapImplementation is "classic" (buckets of 8, runtime/map.go: before Go 1.24) or "swiss" (Swiss tables:
	// Go 1.24 and later unless built with GOEXPERIMENT=noswissmap), decided from runtime.Version() and the
	// build's GOEXPERIMENT; "unknown" for a version string it cannot read.
	MapImplementation string `json:"mapImplementation"`
	MapType           string `json:"mapType"`
	Executable        string `json:"executable"`
	// Statistic says what score and scoreError are.
	Statistic string `json:"statistic"`
}

func describeRuntime() goRuntime {
	gogc := debug.SetGCPercent(100) // reads the effective GOGC (environment or default)...
	debug.SetGCPercent(gogc)        // ...and puts it back
	limit := debug.SetMemoryLimit(-1)
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	experiment := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "GOEXPERIMENT" {
				experiment = s.Value
			}
		}
	}
	g := goRuntime{
		Version:    runtime.Version(),
		GOOS:       runtime.GOOS,
		GOARCH:     runtime.GOARCH,
		Compiler:   runtime.Compiler,
		GOGC:       strconv.Itoa(gogc),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		GODEBUG:    os.Getenv("GODEBUG"),
		Experiment: experiment,
		Executable: exe,
		Statistic: "score is the median of the measured runs, scoreError half their range ((max - min) / 2), " +
			"NaN for a single run; rawData holds every run",
	}
	if gogc < 0 {
		g.GOGC = "off"
	}
	if limit == math.MaxInt64 {
		g.GOMEMLIMIT = "off"
	} else {
		g.GOMEMLIMIT = strconv.FormatInt(limit, 10)
	}
	g.MapImplementation = mapImplementation(g.Version, experiment)
	return g
}

// mapImplementation tells classic maps from Swiss tables by the Go version ("go1.19.8", "go1.24rc1",
// "devel go1.25-abcdef ...") and the build's experiments.
func mapImplementation(version, experiment string) string {
	minor := -1
	if at := strings.Index(version, "go1."); at >= 0 {
		digits := version[at+4:]
		end := 0
		for end < len(digits) && digits[end] >= '0' && digits[end] <= '9' {
			end++
		}
		if n, err := strconv.Atoi(digits[:end]); err == nil {
			minor = n
		}
	}
	experiments := "," + experiment + ","
	switch {
	case minor < 0:
		return "unknown"
	case strings.Contains(experiments, ",noswissmap,") && minor < 26: // 1.26 removed the classic maps
		return "classic"
	case minor >= 24 || strings.Contains(experiments, ",swissmap,"):
		return "swiss"
	default:
		return "classic"
	}
}

// settings are the runtime settings that change what is measured, as NAME=value (JMH's jvmArgs).
func (g goRuntime) settings() []string {
	s := []string{"GOGC=" + g.GOGC, "GOMEMLIMIT=" + g.GOMEMLIMIT, "GOMAXPROCS=" + strconv.Itoa(g.GOMAXPROCS)}
	if g.GODEBUG != "" {
		s = append(s, "GODEBUG="+g.GODEBUG)
	}
	if g.Experiment != "" {
		s = append(s, "GOEXPERIMENT="+g.Experiment)
	}
	return s
}

// ---- JMH's JSON shape ----

type result struct {
	Benchmark             string            `json:"benchmark"`
	Mode                  string            `json:"mode"`
	Threads               int               `json:"threads"`
	Forks                 int               `json:"forks"`
	Jvm                   string            `json:"jvm"`
	JvmArgs               []string          `json:"jvmArgs"`
	JdkVersion            string            `json:"jdkVersion"`
	VmName                string            `json:"vmName"`
	VmVersion             string            `json:"vmVersion"`
	WarmupIterations      int               `json:"warmupIterations"`
	WarmupTime            string            `json:"warmupTime"`
	WarmupBatchSize       int               `json:"warmupBatchSize"`
	MeasurementIterations int               `json:"measurementIterations"`
	MeasurementTime       string            `json:"measurementTime"`
	MeasurementBatchSize  int               `json:"measurementBatchSize"`
	Params                map[string]string `json:"params"`
	Go                    goRuntime         `json:"go"`
	PrimaryMetric         metric            `json:"primaryMetric"`
	SecondaryMetrics      orderedMetrics    `json:"secondaryMetrics"`
}

type metric struct {
	Score            number            `json:"score"`
	ScoreError       number            `json:"scoreError"`
	ScoreConfidence  [2]number         `json:"scoreConfidence"`
	ScorePercentiles map[string]number `json:"scorePercentiles"`
	ScoreUnit        string            `json:"scoreUnit"`
	RawData          [][]number        `json:"rawData"`
}

// number is a float64 that JSON-encodes NaN as the string "NaN", as JMH does.
type number float64

func (n number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte(`"NaN"`), nil
	}
	return json.Marshal(f)
}

// results collects every run's value of every metric, in the order first added.
type results struct {
	order  []string
	units  map[string]string
	values map[string][]float64
}

func newResults() *results {
	return &results{units: map[string]string{}, values: map[string][]float64{}}
}

func (r *results) add(name, unit string, v float64) {
	if _, ok := r.values[name]; !ok {
		r.order = append(r.order, name)
		r.units[name] = unit
	}
	r.values[name] = append(r.values[name], v)
}

func (r *results) merge(o *results) {
	for _, name := range o.order {
		for _, v := range o.values[name] {
			r.add(name, o.units[name], v)
		}
	}
}

func (r *results) metric(name string) metric {
	vs := append([]float64(nil), r.values[name]...)
	sort.Float64s(vs)
	n := len(vs)
	median := vs[n/2]
	if n%2 == 0 {
		median = (vs[n/2-1] + vs[n/2]) / 2
	}
	spread := math.NaN()
	if n > 1 {
		spread = (vs[n-1] - vs[0]) / 2
	}
	raw := make([]number, 0, n)
	for _, v := range r.values[name] {
		raw = append(raw, number(v))
	}
	return metric{
		Score:            number(median),
		ScoreError:       number(spread),
		ScoreConfidence:  [2]number{number(median - spread), number(median + spread)},
		ScorePercentiles: map[string]number{"0.0": number(vs[0]), "50.0": number(median), "100.0": number(vs[n-1])},
		ScoreUnit:        r.unitFor(name),
		RawData:          [][]number{raw},
	}
}

func (r *results) unitFor(name string) string {
	if name == "" {
		return "ms/op" // JMH's unit for a SingleShotTime score in milliseconds
	}
	return r.units[name]
}

func (r *results) secondary() orderedMetrics {
	var m orderedMetrics
	for _, name := range r.order {
		if name != "" {
			m = append(m, namedMetric{name, r.metric(name)})
		}
	}
	return m
}

// orderedMetrics encodes as a JSON object with the metrics in the order they were read.
type orderedMetrics []namedMetric

type namedMetric struct {
	name string
	m    metric
}

func (o orderedMetrics) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, nm := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(nm.name)
		v, err := json.Marshal(nm.m)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}
