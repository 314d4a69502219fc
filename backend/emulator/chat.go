package emulator

// The Chat API (chat.googleapis.com/v1), as far as Chat Members uses it with user
// authentication (useAdminAccess: admin.go):
//
//	GET    /v1/spaces                              spaces.list          chat_spaces.go
//	GET    /v1/spaces:search                       spaces.search        chat_search.go
//	GET    /v1/spaces/{space}                      spaces.get           chat_spaces.go
//	POST   /v1/spaces/{space}/members              spaces.members.create chat_members_create.go
//	GET    /v1/spaces/{space}/members              spaces.members.list  chat_members.go
//	GET    /v1/spaces/{space}/members/{member}     spaces.members.get   chat_members.go
//	PATCH  /v1/spaces/{space}/members/{member}     spaces.members.patch chat_members.go
//	DELETE /v1/spaces/{space}/members/{member}     spaces.members.delete chat_members.go
//
// This file holds the state, routing, authentication and error bodies; chat_query.go the
// paging and filter grammar. All state is guarded by Server.mu.

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// chatState is the Chat API's view of the organisation: a private copy of the Dataset that
// memberships calls mutate.
type chatState struct {
	appID, appName string
	users          map[string]*User  // by numeric id
	emails         map[string]*User  // by lower-case email
	groups         map[string]*Group // by id (admin.go, people.go); memberships name them by groupID
	groupEmails    map[string]*Group // by lower-case email
	directory      []directoryEntry  // people.go
	spaces         map[string]*chatSpace
	order          []*chatSpace   // creation order: the stable order of spaces.list
	seq            int64          // last membership sequence number: the stable order of members.list
	created        int            // memberships created by spaces.members.create (Stats)
	creates        map[string]int // creates per "space/member" (Stats.DuplicateCreates)
}

type chatSpace struct {
	Space
	members map[string]*chatMember // by key(): user id (the app by appID), or group id
}

// chatMember is a membership of a person, the app (bot) or a Google Group (groupID set,
// userID empty). Group ids (Cloud Identity, letters and digits) never collide with the numeric
// user ids, so both share the members map and the {member} segment of a membership's name.
type chatMember struct {
	userID      string
	groupID     string
	bot         bool
	role, state string
	created     time.Time
	seq         int64
}

// key is the membership's {member} segment and its key in chatSpace.members.
func (m *chatMember) key() string {
	if m.groupID != "" {
		return m.groupID
	}
	return m.userID
}

// human reports a person's membership (not the app's, not a group's).
func (m *chatMember) human() bool { return !m.bot && m.groupID == "" }

func (c *chatState) init(d *Dataset) {
	c.appID, c.appName = d.AppUserID, d.AppDisplayName
	c.creates = map[string]int{}
	c.users = make(map[string]*User, len(d.Users))
	c.emails = make(map[string]*User, len(d.Users))
	for _, u := range d.Users {
		cp := *u
		c.users[u.ID] = &cp
		c.emails[strings.ToLower(u.Email)] = &cp
	}
	c.spaces = make(map[string]*chatSpace, len(d.Spaces))
	c.order = make([]*chatSpace, 0, len(d.Spaces))
	for _, sp := range d.Spaces {
		cs := &chatSpace{Space: *sp, members: map[string]*chatMember{}}
		c.spaces[sp.ID] = cs
		c.order = append(c.order, cs)
	}
	for _, m := range d.Memberships {
		if sp := c.spaces[m.SpaceID]; sp != nil {
			c.seq++
			cm := &chatMember{userID: m.UserID, groupID: m.GroupID, bot: m.UserID == c.appID,
				role: m.Role, state: m.State, created: m.CreateTime, seq: c.seq}
			if cm.groupID != "" {
				// Google gives group memberships no role (MEMBERSHIP_ROLE_UNSPECIFIED) and
				// treats them as joined.
				cm.userID, cm.role, cm.state = "", "", StateJoined
			}
			sp.members[cm.key()] = cm
		}
	}
	c.initGroups(d)
	c.initDirectory(d)
}

// joined reports whether userID is a JOINED member of sp.
func (sp *chatSpace) joined(userID string) bool {
	m := sp.members[userID]
	return m != nil && m.state == StateJoined
}

func (s *Server) registerChat(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/spaces", s.chatListSpaces)
	mux.HandleFunc("GET /v1/spaces:search", s.chatSearchSpaces)
	mux.HandleFunc("GET /v1/spaces/{space}", s.chatGetSpace)
	mux.HandleFunc("POST /v1/spaces/{space}/members", s.chatCreateMember)
	mux.HandleFunc("GET /v1/spaces/{space}/members", s.chatListMembers)
	mux.HandleFunc("GET /v1/spaces/{space}/members/{member}", s.chatGetMember)
	mux.HandleFunc("PATCH /v1/spaces/{space}/members/{member}", s.chatPatchMember)
	mux.HandleFunc("DELETE /v1/spaces/{space}/members/{member}", s.chatDeleteMember)
	s.registerChatWeb(mux)
	// Everything else under /v1/ (other methods, extra segments, ...) is
	// answered as Google answers an unknown URL: 404 in the JSON error shape.
	mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		writeChatError(w, http.StatusNotFound, "NOT_FOUND", "Requested entity was not found.")
	})
}

// Google's RPC names, reported in ErrorInfo metadata.
const (
	rpcListSpaces       = "google.chat.v1.ChatService.ListSpaces"
	rpcSearchSpaces     = "google.chat.v1.ChatService.SearchSpaces"
	rpcGetSpace         = "google.chat.v1.ChatService.GetSpace"
	rpcCreateMembership = "google.chat.v1.ChatService.CreateMembership"
	rpcListMemberships  = "google.chat.v1.ChatService.ListMemberships"
	rpcGetMembership    = "google.chat.v1.ChatService.GetMembership"
	rpcUpdateMembership = "google.chat.v1.ChatService.UpdateMembership"
	rpcDeleteMembership = "google.chat.v1.ChatService.DeleteMembership"
)

// Scopes of user authentication, short names. The discovery document also lists chat.bot,
// chat.app.* and chat.import: chat.bot and chat.app.* belong to app authentication (service
// accounts), which this emulator does not issue, and chat.import only works on spaces in import
// mode, which the demo has none of; so they are not accepted here.
const (
	scopeSpaces              = "chat.spaces"
	scopeSpacesReadonly      = "chat.spaces.readonly"
	scopeMemberships         = "chat.memberships"
	scopeMembershipsReadonly = "chat.memberships.readonly"
	scopeMembershipsApp      = "chat.memberships.app"
	scopeAdminSpaces         = "chat.admin.spaces"
	scopeAdminSpacesReadonly = "chat.admin.spaces.readonly"
	scopeAdminMemberships    = "chat.admin.memberships"
	scopeAdminMembershipsRO  = "chat.admin.memberships.readonly"
)

// Google's verbatim messages.
const (
	msgNotFound      = "Requested entity was not found."
	msgNoPermission  = "The caller does not have permission"
	msgBadUser       = "Missing or malformed user resource name in the request. Human user resource name must follow this format: users/{user}. App user resource name must be set as users/app."
	msgScopes        = "Request had insufficient authentication scopes."
	msgInvalidCreds  = "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."
	msgMissingCreds  = "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."
	msgAlreadyExists = "Membership already exists." // Google does not document this text.
)

// errorInfo is google.rpc.ErrorInfo as Google puts it in error details.
func errorInfo(reason, rpc string) map[string]any {
	return map[string]any{
		"@type":    "type.googleapis.com/google.rpc.ErrorInfo",
		"reason":   reason,
		"domain":   "googleapis.com",
		"metadata": map[string]string{"service": "chat.googleapis.com", "method": rpc},
	}
}

// writeChatError writes Google's JSON error body: {"error":{"code","message","status","details"}}.
func writeChatError(w http.ResponseWriter, code int, status, message string, details ...any) {
	// A struct, not a map, keeps Google's field order: code, message, status, details.
	type body struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Details []any  `json:"details,omitempty"`
	}
	writeChatJSON(w, code, struct {
		Error body `json:"error"`
	}{body{code, message, status, details}})
}

func writeChatJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // Google's JSON leaves "&" and "<" as they are
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(code)
	_, _ = w.Write(buf.Bytes())
}

func badRequest(w http.ResponseWriter, msg string) {
	writeChatError(w, http.StatusBadRequest, "INVALID_ARGUMENT", msg)
}

func notFound(w http.ResponseWriter) {
	writeChatError(w, http.StatusNotFound, "NOT_FOUND", msgNotFound)
}

func permissionDenied(w http.ResponseWriter) {
	writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED", msgNoPermission)
}

// insufficientScopes is Google's 403 for a token without any of the method's scopes.
func insufficientScopes(w http.ResponseWriter, rpc string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="insufficient_scope"`)
	writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED", msgScopes,
		errorInfo("ACCESS_TOKEN_SCOPE_INSUFFICIENT", rpc))
}

// chatAuth authenticates the caller and checks that the token carries one of scopes. On failure
// it has written Google's 401 or 403 and returns ok false.
//
// useAdminAccess=true needs one of adminScopes (nil: the method does not take it) and the
// caller's admin privilege (admin.go); the Grant returned then has AdminAccess set.
func (s *Server) chatAuth(w http.ResponseWriter, r *http.Request, rpc string, adminScopes []string, scopes ...string) (Grant, bool) {
	if r.Header.Get("Authorization") == "" {
		// Google distinguishes a missing credential from a bad one in message and reason.
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/"`)
		writeChatError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msgMissingCreds,
			errorInfo("CREDENTIALS_MISSING", rpc))
		return Grant{}, false
	}
	g, ok := s.bearer(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="invalid_token"`)
		writeChatError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msgInvalidCreds,
			errorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED", rpc))
		return Grant{}, false
	}
	if admin, ok := s.adminAccess(w, r, g, rpc, adminScopes); !ok {
		return Grant{}, false
	} else if admin {
		g.AdminAccess = true
		return g, true
	}
	if !g.HasAny(scopes...) {
		insufficientScopes(w, rpc)
		return Grant{}, false
	}
	return g, true
}

// resourceID matches the ids the emulator hands out and the aliases it accepts; anything else
// in a path segment (dots, encoded slashes, spaces) cannot name a resource, so it is a 404.
var resourceID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// lookupSpace returns the space named in the path if the caller is a JOINED member; otherwise
// it writes 404, as Google does not reveal spaces the caller cannot see. Caller holds s.mu.
func (s *Server) lookupSpace(w http.ResponseWriter, r *http.Request, g Grant) (*chatSpace, bool) {
	id := r.PathValue("space")
	sp := s.chat.spaces[id]
	// Admin access reaches every named space of the organisation, and only those.
	visible := sp != nil && (g.AdminAccess && sp.Type == SpaceTypeSpace || !g.AdminAccess && sp.joined(g.UserID))
	if !resourceID.MatchString(id) || !visible {
		notFound(w)
		return nil, false
	}
	return sp, true
}

// lookupMember finds the {member} of the {space} in the path, answering 404 as Google does
// when either is unknown or the caller is not in the space. The caller holds s.mu.
func (s *Server) lookupMember(w http.ResponseWriter, r *http.Request, g Grant) (*chatSpace, *chatMember, bool) {
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		return nil, nil, false
	}
	m := s.memberOf(sp, r.PathValue("member"))
	if m == nil {
		notFound(w)
		return nil, nil, false
	}
	if g.AdminAccess && m.bot {
		badRequest(w, msgAdminNoApps)
		return nil, nil, false
	}
	return sp, m, true
}

// mayWriteMember applies Google's split of the membership scopes (with admin access, the one
// admin scope covers both): the calling app's own
// membership needs chat.memberships.app, a person's chat.memberships.
func mayWriteMember(g Grant, bot bool) bool {
	if g.AdminAccess {
		return true // chatAuth checked chat.admin.memberships
	}
	if bot {
		return g.HasAny(scopeMembershipsApp)
	}
	return g.HasAny(scopeMemberships)
}

// protoTime formats t as Google's JSON does (proto3 Timestamp): UTC, with 0, 3, 6 or 9
// fractional digits as needed.
func protoTime(t time.Time) string {
	t = t.UTC()
	ns := t.Nanosecond()
	switch {
	case ns == 0:
		return t.Format("2006-01-02T15:04:05Z")
	case ns%1e6 == 0:
		return t.Format("2006-01-02T15:04:05.000Z")
	case ns%1e3 == 0:
		return t.Format("2006-01-02T15:04:05.000000Z")
	default:
		return t.Format("2006-01-02T15:04:05.000000000Z")
	}
}

// decodeBody reads a JSON request body into v, answering Google's 400 for anything that is not
// JSON or names a field the message does not have.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		msg := "Invalid JSON payload received. Unexpected token."
		if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			msg = "Invalid JSON payload received. Unknown name " + f + ": Cannot find field."
		}
		badRequest(w, msg)
		return false
	}
	return true
}

// guardDotSegments answers 404 for Chat API paths with "." or ".." segments or empty segments,
// as Google does, before http.ServeMux would clean them and redirect (307, which clients follow
// with the same method and body) to a different resource: "spaces/A/../B/members" must not
// reach space B. server.go wraps its mux with it.
func guardDotSegments(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/v1/") {
			for _, seg := range strings.Split(r.URL.Path[1:], "/") {
				if seg == "" || seg == "." || seg == ".." {
					notFound(w)
					return
				}
			}
		}
		h.ServeHTTP(w, r)
	})
}
