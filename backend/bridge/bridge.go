// Package bridge serves the app's frontend to an ordinary web browser and lets that page call
// the bound Go methods, in place of a window: `make run` on a machine with no display, and the
// end-to-end tests. It is plain Go (no cgo, no webview, no display).
//
// It replaces Wails' dev server, whose /wails/ipc websocket accepts any Origin and any Host, so
// that any page the user visits (or a DNS-rebound name) could sign in, add people, open URLs
// and quit the app. Here every request must name the bridge itself:
//   - Host must be 127.0.0.1:PORT or localhost:PORT (defeats DNS rebinding);
//   - Origin, when sent, must be http:// + that Host;
//   - Sec-Fetch-Site, when sent, must be "same-origin" or "none" (a person typing the address),
//     so other sites (and other local ports, which count as "same-site") cannot even load the
//     page or its scripts, nor frame it;
//   - a call (POST) must carry the X-Chat-Members-Bridge header, which a cross-site form or a
//     no-cors fetch cannot set, and which forces a CORS preflight that is refused.
//
// Anything else gets 403. The page talks to Go the way the Wails runtime does, so the generated
// bindings in frontend/wailsjs work unchanged: an injected script defines
// window.go.<pkg>.<Type>.<Method>(...) (a Promise that resolves with the result or rejects with
// the error's text, exactly as Wails does) and the window.runtime event and clipboard functions.
// Calls go over fetch POST (JSON); Go-to-page events over Server-Sent Events.
package bridge

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Paths the bridge itself serves; everything else comes from the assets.
const (
	RuntimePath = "/_bridge/runtime.js"
	CallPath    = "/_bridge/call"
	EventsPath  = "/_bridge/events"
	// CallHeader must be on every call; the shim sets it to "1".
	CallHeader = "X-Chat-Members-Bridge"
)

// maxCallBody bounds a call's JSON: the largest argument is a bulk list, a CSV file of up to
// table.MaxBytes (20 MB) sent as base64 (27 MB), or the records of a 100,000-row preview
// checked again (about 22 MB), or the items of such a job.
const maxCallBody = 64 << 20

//go:embed shim.js
var shimJS string

// Server serves the frontend and the bound methods to pages of its own origin only.
type Server struct {
	assets  fs.FS
	methods map[string]*method
	runtime []byte // RuntimePath: the method table followed by shim.js
	events  *hub
	http    *http.Server
	hosts   map[string]bool // allowed Host values, set by Serve
	mu      sync.Mutex
}

// New builds a bridge over assets (the directory holding index.html) and the structs whose
// exported methods the page may call, each a pointer (as with Wails' Bind).
func New(assets fs.FS, bound ...any) (*Server, error) {
	methods, table, err := bindAll(bound)
	if err != nil {
		return nil, err
	}
	tableJSON, err := json.Marshal(table)
	if err != nil {
		return nil, err
	}
	rt := []byte("window.__bridgeBound = " + string(tableJSON) + ";\nwindow.__bridgeCallHeader = " +
		strconv.Quote(CallHeader) + ";\n" + shimJS)
	return &Server{assets: assets, methods: methods, runtime: rt, events: newHub()}, nil
}

// Serve answers on ln until Shutdown. ln must be a loopback TCP listener: the allowed Host and
// Origin values are 127.0.0.1 and localhost on its port.
func (s *Server) Serve(ln net.Listener) error {
	addr, ok := ln.Addr().(*net.TCPAddr)
	if !ok || !addr.IP.IsLoopback() {
		return fmt.Errorf("bridge: refusing to serve on %s: only a loopback address keeps it to this computer", ln.Addr())
	}
	port := strconv.Itoa(addr.Port)
	srv := &http.Server{
		Handler:           s.guard(s.routes()),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	srv.RegisterOnShutdown(s.events.close)
	s.mu.Lock()
	s.hosts = map[string]bool{"127.0.0.1:" + port: true, "localhost:" + port: true}
	s.http = srv
	s.mu.Unlock()
	err := srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown ends open event streams and stops serving.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	srv := s.http
	s.mu.Unlock()
	if srv == nil {
		s.events.close()
		return nil
	}
	return srv.Shutdown(ctx)
}

// Emit sends an event to every open page, as Wails' runtime.EventsEmit does: listeners are
// called with data as their arguments.
func (s *Server) Emit(name string, data ...any) {
	if data == nil {
		data = []any{}
	}
	msg, err := json.Marshal(struct {
		Name string `json:"name"`
		Data []any  `json:"data"`
	}{name, data})
	if err != nil {
		return
	}
	s.events.send(msg)
}

// guard refuses every request that does not come from the bridge's own origin (see the
// package comment), before any route sees it.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if reason := s.refusal(r); reason != "" {
			http.Error(w, "403 forbidden: "+reason, http.StatusForbidden)
			return
		}
		h := w.Header()
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// refusal says why r is refused, or "" when it may pass.
func (s *Server) refusal(r *http.Request) string {
	s.mu.Lock()
	hosts := s.hosts
	s.mu.Unlock()
	host := strings.ToLower(r.Host)
	if !hosts[host] {
		return "this address only answers as http://127.0.0.1 or http://localhost on its own port"
	}
	if origin, sent := r.Header["Origin"]; sent && (len(origin) != 1 || origin[0] != "http://"+host) {
		return "requests from other sites are not accepted"
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return "requests from other sites are not accepted"
	}
	if r.Method == http.MethodOptions {
		return "cross-origin requests are not accepted"
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Header.Get(CallHeader) != "1" {
		return "calls must come from the app's own page"
	}
	return ""
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+CallPath, s.serveCall)
	mux.HandleFunc("GET "+EventsPath, s.serveEvents)
	mux.HandleFunc("GET "+RuntimePath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(s.runtime)
	})
	mux.HandleFunc("GET /{$}", s.serveIndex)
	mux.HandleFunc("GET /index.html", s.serveIndex)
	mux.Handle("GET /", http.FileServerFS(s.assets))
	return mux
}

// serveIndex serves index.html with the runtime script first in <head>, so window.go and
// window.runtime exist before the app's module scripts run (Wails injects its runtime likewise).
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	page, err := fs.ReadFile(s.assets, "index.html")
	if err != nil {
		http.Error(w, "the frontend is not built (frontend/dist/index.html is missing)", http.StatusNotFound)
		return
	}
	tag := []byte(`<script src="` + RuntimePath + `"></script>`)
	if i := bytes.Index(page, []byte("<head>")); i >= 0 {
		i += len("<head>")
		page = append(page[:i:i], append(tag, page[i:]...)...)
	} else {
		page = append(tag, page...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(page)
}

type callRequest struct {
	Name string            `json:"name"`
	Args []json.RawMessage `json:"args"`
}

// callResponse mirrors Wails' callback message: the result, or the error's text.
type callResponse struct {
	Result any    `json:"result"`
	Error  string `json:"error,omitempty"`
}

func (s *Server) serveCall(w http.ResponseWriter, r *http.Request) {
	var req callRequest
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxCallBody))
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		http.Error(w, "bad call: "+err.Error(), http.StatusBadRequest)
		return
	}
	var resp callResponse
	if m := s.methods[req.Name]; m == nil {
		resp.Error = fmt.Sprintf("method '%s' not registered", req.Name)
	} else if result, err := m.call(req.Args); err != nil {
		resp.Error = err.Error()
	} else {
		resp.Result = result
	}
	out, err := json.Marshal(resp)
	if err != nil {
		out, _ = json.Marshal(callResponse{Error: "the result could not be encoded: " + err.Error()})
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(out)
}

// keepAlive is how often an idle event stream gets a comment, so proxies and the browser keep it.
const keepAlive = 20 * time.Second

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	sub, ok := s.events.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(sub)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, ": connected\n\n")
	flusher.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events.done:
			return
		case <-tick.C:
			_, _ = io.WriteString(w, ": ping\n\n")
		case msg := <-sub:
			_, _ = fmt.Fprintf(w, "data: %s\n\n", msg)
		}
		flusher.Flush()
	}
}
