// Package chatquota is Google's Chat API quota table, written once: which quotas there are,
// Google's figure and window for each, how Google names each in a 429, and which request spends
// which (../shared/reference/chat-api.md "Quotas", developers.google.com/workspace/chat/limits).
//
// The emulator enforces these quotas and the scheduler paces under them, each with its own
// token buckets; both take the kinds, figures, windows and the classification of requests from
// here, so that the two can never disagree about what Google counts.
package chatquota

import (
	"net/http"
	"strings"
	"time"
)

// Kind is one of Google's Chat API quotas.
type Kind int

// The quotas. Per Cloud project: membership writes (members.create, members.delete),
// membership reads (members.get, members.list), space reads (spaces.get, spaces.list) and
// searches (spaces.search). Per space, shared by every project: reads (spaces.get, members.get,
// members.list) and writes. Google's per-space write quota lists spaces.patch and message
// writes; members.patch is counted there too (Google warns of "additional rate limit checks on
// the Chat backend"), so that a bulk role change is paced at a rate Google surely allows.
const (
	MembershipWrites Kind = iota
	MembershipReads
	SpaceReads
	Searches
	PerSpaceReads
	PerSpaceWrites
)

// Google's figures: requests per Window of the kind (60 s per project, 1 s per space).
const (
	GoogleMembershipWrites = 300
	GoogleMembershipReads  = 3000
	GoogleSpaceReads       = 3000
	GoogleSearches         = 300
	GooglePerSpaceReads    = 15
	GooglePerSpaceWrites   = 1
)

// Kinds is every quota, in the order of the constants.
func Kinds() []Kind {
	return []Kind{MembershipWrites, MembershipReads, SpaceReads, Searches, PerSpaceReads, PerSpaceWrites}
}

// spec is one row of Google's table.
type spec struct {
	google             int
	window             time.Duration
	perSpace           bool
	metric, metricName string // as Google names them in a 429's ErrorInfo and message
	limit, limitName   string
}

func (k Kind) spec() spec {
	switch k {
	case MembershipWrites:
		return spec{GoogleMembershipWrites, time.Minute, false,
			"chat.googleapis.com/membership_write_requests", "Membership write requests",
			"MembershipWriteRequestsPerMinutePerProject", "Membership write requests per minute per project"}
	case MembershipReads:
		return spec{GoogleMembershipReads, time.Minute, false,
			"chat.googleapis.com/membership_read_requests", "Membership read requests",
			"MembershipReadRequestsPerMinutePerProject", "Membership read requests per minute per project"}
	case SpaceReads:
		return spec{GoogleSpaceReads, time.Minute, false,
			"chat.googleapis.com/space_read_requests", "Space read requests",
			"SpaceReadRequestsPerMinutePerProject", "Space read requests per minute per project"}
	case Searches:
		return spec{GoogleSearches, time.Minute, false,
			"chat.googleapis.com/space_search_requests", "Space search requests",
			"SpaceSearchRequestsPerMinutePerProject", "Space search requests per minute per project"}
	case PerSpaceReads:
		return spec{GooglePerSpaceReads, time.Second, true,
			"chat.googleapis.com/per_space_read_requests", "Per space read requests",
			"PerSpaceReadRequestsPerSecondPerSpace", "Per space read requests per second per space"}
	case PerSpaceWrites:
		return spec{GooglePerSpaceWrites, time.Second, true,
			"chat.googleapis.com/per_space_write_requests", "Per space write requests",
			"PerSpaceWriteRequestsPerSecondPerSpace", "Per space write requests per second per space"}
	}
	return spec{}
}

// Google is Google's figure: how many requests of the kind it allows per Window.
func (k Kind) Google() int { return k.spec().google }

// Window is the period Google counts the kind over, in real time.
func (k Kind) Window() time.Duration { return k.spec().window }

// PerSpace reports whether the quota is counted per space (shared by every project) rather than
// per Cloud project.
func (k Kind) PerSpace() bool { return k.spec().perSpace }

// Metric is the quota's metric as Google's ErrorInfo names it
// ("chat.googleapis.com/membership_write_requests"); MetricName is its display name.
func (k Kind) Metric() string     { return k.spec().metric }
func (k Kind) MetricName() string { return k.spec().metricName }

// Limit is the quota's limit as Google's ErrorInfo names it
// ("MembershipWriteRequestsPerMinutePerProject"); LimitName is its display name.
func (k Kind) Limit() string     { return k.spec().limit }
func (k Kind) LimitName() string { return k.spec().limitName }

func (k Kind) String() string { return k.spec().metricName }

// Classify says which quotas a Chat API request spends and the space it is in ("spaces/AAAA";
// "" for none), from its method and URL path:
//
//	GET    /v1/spaces, /v1/spaces/{s}         space reads (and {s}'s per-space reads)
//	GET    /v1/spaces:search                  searches
//	POST   /v1/spaces/{s}/members             membership writes
//	DELETE /v1/spaces/{s}/members/{m}         membership writes
//	GET    /v1/spaces/{s}/members[/{m}]       membership reads and {s}'s per-space reads
//	PATCH  /v1/spaces/{s}/members/{m}         {s}'s per-space writes
//
// Anything else spends none. An empty method is GET, as net/http reads it in a client request.
func Classify(method, path string) ([]Kind, string) {
	if method == "" {
		method = http.MethodGet
	}
	rest, ok := strings.CutPrefix(path, "/v1/spaces")
	if !ok {
		return nil, ""
	}
	switch rest {
	case ":search":
		if method == http.MethodGet {
			return []Kind{Searches}, ""
		}
		return nil, ""
	case "":
		if method == http.MethodGet {
			return []Kind{SpaceReads}, ""
		}
		return nil, ""
	}
	parts := strings.Split(strings.TrimPrefix(rest, "/"), "/")
	if parts[0] == "" {
		return nil, ""
	}
	space := "spaces/" + parts[0]
	members := len(parts) >= 2 && parts[1] == "members"
	switch {
	case len(parts) == 1 && method == http.MethodGet: // spaces.get
		return []Kind{SpaceReads, PerSpaceReads}, space
	case members && len(parts) <= 3 && method == http.MethodGet: // members.list, members.get
		return []Kind{MembershipReads, PerSpaceReads}, space
	case members && len(parts) == 2 && method == http.MethodPost, // members.create
		members && len(parts) == 3 && method == http.MethodDelete: // members.delete
		return []Kind{MembershipWrites}, space
	case members && len(parts) == 3 && method == http.MethodPatch: // members.patch
		return []Kind{PerSpaceWrites}, space
	}
	return nil, ""
}
