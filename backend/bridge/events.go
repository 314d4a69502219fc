package bridge

import "sync"

// subscriberBuffer is how many events may wait for a slow page before further ones are dropped
// for it (the app emits a handful per user action).
const subscriberBuffer = 64

// hub fans events out to every open event stream.
type hub struct {
	mu     sync.Mutex
	subs   map[chan []byte]struct{}
	done   chan struct{}
	closed bool
}

func newHub() *hub {
	return &hub{subs: map[chan []byte]struct{}{}, done: make(chan struct{})}
}

func (h *hub) subscribe() (chan []byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c := make(chan []byte, subscriberBuffer)
	h.subs[c] = struct{}{}
	return c, true
}

func (h *hub) unsubscribe(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, c)
}

// send never blocks: a page that stopped reading misses events rather than stalling the app.
func (h *hub) send(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- msg:
		default:
		}
	}
}

// close ends every stream (an open stream would otherwise hold http.Server.Shutdown).
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}
