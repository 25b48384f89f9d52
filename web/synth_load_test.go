package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// startSearches opens n streamed searches on hard examples at once and
// returns when each has its first progress event; stop cancels them all.
func startSearches(tb testing.TB, base string, n int) (stop func()) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, n)
	var bodies []*http.Response
	var mu sync.Mutex
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/synth",
				strings.NewReader(`{"examples":`+quote(hardExamples)+`,"budget":"60s"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "text/event-stream")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			bodies = append(bodies, resp)
			mu.Unlock()
			if resp.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("search: status %d", resp.StatusCode)
				return
			}
			if line, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil || line != "event: progress\n" {
				errs <- fmt.Errorf("search: first line %q, %v", line, err)
			}
		}()
	}
	wg.Wait()
	stop = func() {
		cancel()
		for _, b := range bodies {
			b.Body.Close()
		}
	}
	select {
	case err := <-errs:
		stop()
		tb.Fatal(err)
	default:
	}
	return stop
}

func waitRunning(tb testing.TB, s *Server, want int64, within time.Duration) time.Duration {
	tb.Helper()
	start := time.Now()
	for s.searches.running.Load() != want {
		if time.Since(start) > within {
			tb.Fatalf("%d searches running after %v, want %d", s.searches.running.Load(), within, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Since(start)
}

// TestSynthSixteenAtOnce: sixteen clients start searches at once and all
// run; the seventeenth gets 429; when the clients leave, every search stops.
func TestSynthSixteenAtOnce(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxSearches: 16})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	stop := startSearches(t, srv.URL, 16)
	defer stop()
	if n := s.searches.running.Load(); n != 16 {
		t.Fatalf("%d searches running, want 16", n)
	}
	resp, err := http.Post(srv.URL+"/api/synth", "application/json", strings.NewReader(`{"examples":"1→2"}`))
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Error APIError }
	json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || body.Error.Kind != "busy" || !strings.Contains(body.Error.Message, "16 searches") {
		t.Errorf("17th search: %d %+v, want 429 busy naming the limit", resp.StatusCode, body.Error)
	}
	stop()
	d := waitRunning(t, s, 0, 5*time.Second)
	t.Logf("16 searches stopped %v after their clients left", d.Round(time.Millisecond))
}

// BenchmarkSynthLoad is the load figure for /api/synth: the latency of
// POST /api/run (sum_1_to_n(100), 4 clients) with no search running, then
// with 16 searches running at once (the 17th must get 429).
// Searches take turns on NumCPU-1 cores (Config.SearchCores); "cores=16"
// lets all sixteen compute at once, for comparison.
// go test ./web -run '^$' -bench SynthLoad -benchtime 2000x
func BenchmarkSynthLoad(b *testing.B) {
	for _, cores := range []int{0, 16} {
		name := "cores=default"
		if cores != 0 {
			name = fmt.Sprintf("cores=%d", cores)
		}
		b.Run(name, func(b *testing.B) { benchSynthLoad(b, cores) })
	}
}

func benchSynthLoad(b *testing.B, cores int) {
	s := newServer(b, Config{ResultsDir: b.TempDir(), MaxSearches: 16, SearchCores: cores})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	measure := func() (p50, p99 time.Duration) {
		var mu sync.Mutex
		var lat []time.Duration
		var wg sync.WaitGroup
		per := max(b.N/4, 50)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range per {
					t0 := time.Now()
					resp, err := http.Post(srv.URL+"/api/run", "application/json", bytes.NewReader([]byte(`{"program":"sum_1_to_n","args":[100]}`)))
					if err != nil {
						b.Error(err)
						return
					}
					var out struct{ Result int32 }
					json.NewDecoder(resp.Body).Decode(&out)
					resp.Body.Close()
					if out.Result != 5050 {
						b.Errorf("result %d", out.Result)
						return
					}
					d := time.Since(t0)
					mu.Lock()
					lat = append(lat, d)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		slices.Sort(lat)
		return lat[len(lat)/2], lat[len(lat)*99/100]
	}
	measure() // warm: compile, connections
	b.ResetTimer()
	idle50, idle99 := measure()
	stop := startSearches(b, srv.URL, 16)
	resp, err := http.Post(srv.URL+"/api/synth", "application/json", strings.NewReader(`{"examples":"1→2"}`))
	if err != nil || resp.StatusCode != http.StatusTooManyRequests {
		b.Fatalf("17th search: %v %v, want 429", resp.Status, err)
	}
	resp.Body.Close()
	busy50, busy99 := measure()
	b.StopTimer()
	stop()
	waitRunning(b, s, 0, 5*time.Second)
	b.ReportMetric(float64(idle50.Microseconds()), "idle-p50-µs")
	b.ReportMetric(float64(idle99.Microseconds()), "idle-p99-µs")
	b.ReportMetric(float64(busy50.Microseconds()), "busy-p50-µs")
	b.ReportMetric(float64(busy99.Microseconds()), "busy-p99-µs")
	b.ReportMetric(float64(busy50)/float64(idle50), "p50-ratio")
}
