package emulator

// Fault injection: a share of Chat API requests fail the way Google and networks fail, so that a
// client's retries are tested against the same emulator as everything else. A fault happens
// either before the real handling (nothing changed) or after it (the change was made, and the
// answer is lost), which is what makes a retried create meet 409 ALREADY_EXISTS.

import (
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"time"

	"chatmembers/backend/chatquota"
)

// FaultKind names one way a request fails.
type FaultKind string

const (
	// FaultQuota is Google's 429 RESOURCE_EXHAUSTED, before handling, with a RetryInfo detail and
	// a Retry-After header when Faults.RetryAfter is set.
	FaultQuota FaultKind = "429"
	// FaultInternal, FaultBadGateway and FaultUnavailable fail before handling: nothing changed.
	FaultInternal    FaultKind = "500"
	FaultBadGateway  FaultKind = "502"
	FaultUnavailable FaultKind = "503"
	// FaultInternalAfter, FaultUnavailableAfter and FaultTimeoutAfter answer with 500, 503 and 504
	// after the request was carried out: the change was made, the client is told it failed.
	FaultInternalAfter    FaultKind = "500-after"
	FaultUnavailableAfter FaultKind = "503-after"
	FaultTimeoutAfter     FaultKind = "504-after"
	// FaultReset resets the connection (TCP RST) before handling; FaultResetAfter after the
	// request was carried out, without an answer.
	FaultReset      FaultKind = "reset"
	FaultResetAfter FaultKind = "reset-after"
)

// AllFaults returns every FaultKind, the default of Faults.Kinds.
func AllFaults() []FaultKind {
	return []FaultKind{FaultQuota, FaultInternal, FaultBadGateway, FaultUnavailable,
		FaultInternalAfter, FaultUnavailableAfter, FaultTimeoutAfter, FaultReset, FaultResetAfter}
}

// Faults configures fault injection on Chat API requests (/v1/spaces...). The zero value injects
// none. OAuth endpoints are never faulted.
type Faults struct {
	// Rate is the share of Chat API requests that fail, 0 to 1.
	Rate float64
	// Seed seeds the choice of which requests fail and how: a client that sends the same
	// requests one after another sees the same faults on every run.
	Seed uint64
	// Kinds are the faults to choose from, equally likely; nil means AllFaults().
	Kinds []FaultKind
	// RetryAfter, when positive, is the delay a 429 asks for: in a google.rpc.RetryInfo detail,
	// and, rounded up to whole seconds, in a Retry-After header.
	RetryAfter time.Duration
	// Limit, when positive, stops injecting after that many faults.
	Limit int
	// Methods, when set, limits faults to requests with these HTTP methods (e.g. "POST": only
	// writes fail).
	Methods []string
}

// Validate reports a configuration the emulator cannot run. Start checks it; a Server built with
// New and an invalid configuration answers unknown kinds without a body.
func (f Faults) Validate() error {
	if f.Rate < 0 || f.Rate > 1 || f.Rate != f.Rate {
		return fmt.Errorf("fault rate %v is not between 0 and 1", f.Rate)
	}
	for _, k := range f.Kinds {
		if !knownFault(k) {
			return fmt.Errorf("unknown fault kind %q", k)
		}
	}
	return nil
}

func knownFault(k FaultKind) bool {
	for _, a := range AllFaults() {
		if a == k {
			return true
		}
	}
	return false
}

// faultState is the injector's state, guarded by Server.mu.
type faultState struct {
	cfg      Faults
	rng      *rand.Rand
	injected int
}

func (f *faultState) init(cfg Faults) {
	f.cfg = cfg
	if len(f.cfg.Kinds) == 0 {
		f.cfg.Kinds = AllFaults()
	}
	f.rng = rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
}

// appliesTo reports whether requests with method may be faulted; cfg is read-only after New.
func (f *faultState) appliesTo(method string) bool {
	if len(f.cfg.Methods) == 0 {
		return true
	}
	for _, m := range f.cfg.Methods {
		if strings.EqualFold(m, method) {
			return true
		}
	}
	return false
}

// Stats counts what the server has done, for tests and benchmarks.
type Stats struct {
	// FaultsInjected is the number of Chat API requests failed on purpose (Options.Faults).
	FaultsInjected int
	// MembershipsCreated is the number of spaces.members.create calls that created a membership.
	MembershipsCreated int
	// DuplicateCreates counts creates of a membership that had been created before in this run
	// (a member removed and added again counts too): for each (space, member), its creates
	// beyond the first. A bulk add that never adds anyone twice leaves it 0.
	DuplicateCreates int
	// QuotaRefusals is the number of requests refused with 429 by the quotas (Options.Quota).
	QuotaRefusals int
}

// Stats returns the server's counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	dup := 0
	for _, n := range s.chat.creates {
		dup += n - 1
	}
	return Stats{FaultsInjected: s.faults.injected, MembershipsCreated: s.chat.created,
		DuplicateCreates: dup, QuotaRefusals: s.quota.refusals()}
}

// nextFault draws whether this request fails and how; "" means it does not.
func (s *Server) nextFault() FaultKind {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &s.faults
	if f.cfg.Rate <= 0 || (f.cfg.Limit > 0 && f.injected >= f.cfg.Limit) {
		return ""
	}
	// Both draws happen for every request, so the sequence depends only on the request count.
	hit := f.rng.Float64() < f.cfg.Rate
	kind := f.cfg.Kinds[f.rng.IntN(len(f.cfg.Kinds))]
	if !hit {
		return ""
	}
	f.injected++
	return kind
}

// injectFaults wraps the Chat API routes of h with fault injection (see Faults).
func (s *Server) injectFaults(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/v1/spaces") || !s.faults.appliesTo(r.Method) {
			h.ServeHTTP(w, r)
			return
		}
		kind := s.nextFault()
		if kind == "" {
			h.ServeHTTP(w, r)
			return
		}
		if strings.HasSuffix(string(kind), "-after") {
			h.ServeHTTP(discardWriter{header: http.Header{}}, r) // the change is made; its answer is lost
		}
		switch kind {
		case FaultQuota:
			s.writeQuotaFault(w, r)
		case FaultInternal, FaultInternalAfter:
			writeChatError(w, http.StatusInternalServerError, "INTERNAL", "Internal error encountered.")
		case FaultBadGateway:
			// A front end's answer, not the API's: Google's 502 pages are HTML.
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<!DOCTYPE html><title>Error 502 (Server Error)</title><p><b>502.</b> That's an error."))
		case FaultUnavailable, FaultUnavailableAfter:
			writeChatError(w, http.StatusServiceUnavailable, "UNAVAILABLE", "The service is currently unavailable.")
		case FaultTimeoutAfter:
			writeChatError(w, http.StatusGatewayTimeout, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.")
		case FaultReset, FaultResetAfter:
			resetConnection(w)
		}
	})
}

// writeQuotaFault is Google's 429 for a per-minute quota (quota.go's shape), as if the
// project's membership writes were used up, with the RetryInfo Faults.RetryAfter asks for.
func (s *Server) writeQuotaFault(w http.ResponseWriter, r *http.Request) {
	project := ""
	if g, ok := s.bearer(r); ok {
		project = ProjectNumber(g.ClientID)
	}
	writeQuotaExceeded(w, chatquota.MembershipWrites, project, s.faults.cfg.RetryAfter) // cfg is read-only after New
}

// protoDuration formats d as proto3 JSON does: seconds with 0, 3, 6 or 9 fractional digits, "s".
func protoDuration(d time.Duration) string {
	sec, ns := int64(d/time.Second), int64(d%time.Second)
	switch {
	case ns == 0:
		return fmt.Sprintf("%ds", sec)
	case ns%1e6 == 0:
		return fmt.Sprintf("%d.%03ds", sec, ns/1e6)
	case ns%1e3 == 0:
		return fmt.Sprintf("%d.%06ds", sec, ns/1e3)
	default:
		return fmt.Sprintf("%d.%09ds", sec, ns)
	}
}

// resetConnection closes the client's connection with a TCP reset and no answer.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // not HTTP/1: net/http aborts the stream instead
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close sends RST: the client sees "connection reset by peer"
	}
	_ = conn.Close()
}

// discardWriter takes a handler's answer and drops it.
type discardWriter struct{ header http.Header }

func (d discardWriter) Header() http.Header         { return d.header }
func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d discardWriter) WriteHeader(int)             {}
