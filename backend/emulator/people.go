package emulator

// The People API's directory search and the Cloud Identity group lookup, as Chat Members uses
// them to turn a typed name or address into something Chat can add:
//
//	GET /v1/people:searchDirectoryPeople   people.searchDirectoryPeople   (people.googleapis.com)
//	GET /v1/groups:lookup                  cloudidentity.groups.lookup    (cloudidentity.googleapis.com)
//	GET /v1/groups/{group}/memberships     cloudidentity.groups.memberships.list (group_members.go)
//
// Their paths do not collide with the Chat API's, so one base URL serves all three. A person's
// resource name is people/{id} with the same numeric id as the Chat user users/{id}, as in
// Google's directory.

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

const (
	scopeDirectoryReadonly   = "directory.readonly"
	scopeGroupsReadonly      = "cloud-identity.groups.readonly"
	scopeGroups              = "cloud-identity.groups"
	scopeCloudPlatform       = "cloud-platform"
	rpcSearchDirectoryPeople = "google.people.v1.PeopleService.SearchDirectoryPeople"
	rpcLookupGroupName       = "google.apps.cloudidentity.groups.v1.GroupsService.LookupGroupName"
	maxPeoplePageSize        = 500
)

func (s *Server) registerDirectory(mux *http.ServeMux) {
	mux.HandleFunc("GET /v1/people:searchDirectoryPeople", s.peopleSearchDirectory)
	mux.HandleFunc("GET /v1/groups:lookup", s.groupsLookup)
	mux.HandleFunc("GET /v1/groups/{group}/memberships", s.groupsMembershipsList) // group_members.go
}

// apiAuth authenticates a People or Cloud Identity request as chatAuth does for Chat, naming
// service in the error details.
func (s *Server) apiAuth(w http.ResponseWriter, r *http.Request, service, rpc string, scopes ...string) (Grant, bool) {
	info := func(reason string) map[string]any {
		return map[string]any{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason,
			"domain": "googleapis.com", "metadata": map[string]string{"service": service, "method": rpc}}
	}
	if r.Header.Get("Authorization") == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/"`)
		writeChatError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msgMissingCreds, info("CREDENTIALS_MISSING"))
		return Grant{}, false
	}
	g, ok := s.bearer(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="invalid_token"`)
		writeChatError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msgInvalidCreds, info("ACCESS_TOKEN_TYPE_UNSUPPORTED"))
		return Grant{}, false
	}
	if !g.HasAny(scopes...) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="https://accounts.google.com/", error="insufficient_scope"`)
		writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED", msgScopes, info("ACCESS_TOKEN_SCOPE_INSUFFICIENT"))
		return Grant{}, false
	}
	return g, true
}

// Person as the People API serialises it, with the fields of readMask names,emailAddresses.
type wirePerson struct {
	ResourceName   string          `json:"resourceName"`
	Etag           string          `json:"etag"`
	Names          []wireName      `json:"names,omitempty"`
	EmailAddresses []wireEmail     `json:"emailAddresses,omitempty"`
	Metadata       *wirePersonMeta `json:"metadata,omitempty"`
}

type wireFieldMeta struct {
	Primary bool `json:"primary,omitempty"`
	Source  struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"source"`
}

type wireName struct {
	Metadata             wireFieldMeta `json:"metadata"`
	DisplayName          string        `json:"displayName"`
	FamilyName           string        `json:"familyName,omitempty"`
	GivenName            string        `json:"givenName,omitempty"`
	DisplayNameLastFirst string        `json:"displayNameLastFirst,omitempty"`
	UnstructuredName     string        `json:"unstructuredName,omitempty"`
}

type wireEmail struct {
	Metadata wireFieldMeta `json:"metadata"`
	Value    string        `json:"value"`
}

type wirePersonMeta struct {
	Sources []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	} `json:"sources"`
}

// readMaskFields are the paths the discovery document allows in readMask.
var readMaskFields = strings.Fields(`addresses ageRanges biographies birthdays calendarUrls
	clientData coverPhotos emailAddresses events externalIds genders imClients interests locales
	locations memberships metadata miscKeywords names nicknames occupations organizations
	phoneNumbers photos relations sipAddresses skills urls userDefined`)

func (s *Server) peopleSearchDirectory(w http.ResponseWriter, r *http.Request) {
	g, ok := s.apiAuth(w, r, "people.googleapis.com", rpcSearchDirectoryPeople, scopeDirectoryReadonly)
	if !ok {
		return
	}
	q := r.URL.Query()
	// Google's wording for missing or invalid arguments of this method is not documented; the
	// statuses follow the discovery document (query, readMask and sources are required).
	mask := map[string]bool{}
	for _, f := range strings.Split(q.Get("readMask"), ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if !slices.Contains(readMaskFields, f) {
			badRequest(w, "Invalid readMask path \""+f+"\".")
			return
		}
		mask[f] = true
	}
	if len(mask) == 0 {
		badRequest(w, "readMask is required. Please specify one or more valid paths.")
		return
	}
	sources := q["sources"]
	if len(sources) == 0 {
		badRequest(w, "sources is required.")
		return
	}
	profiles := false
	for _, src := range sources {
		switch src {
		case "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE":
			profiles = true
		case "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT": // the demo organisation has no shared contacts
		default:
			badRequest(w, "Invalid value at 'sources' (type.googleapis.com/google.social.graph.api.proto.DirectorySourceType), \""+src+"\"")
			return
		}
	}
	query := q.Get("query")
	if strings.TrimSpace(query) == "" {
		badRequest(w, "query is required.")
		return
	}
	size := 100
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxPeoplePageSize {
			badRequest(w, "pageSize must be between 1 and 500.")
			return
		}
		if n > 0 {
			size = n
		}
	}
	fp := fingerprint("people", g.UserID, query, strings.Join(sources, ","))
	offset, err := pageOffset(q, fp)
	if err != nil {
		badRequest(w, err.Error())
		return
	}

	s.mu.Lock()
	var found []*User
	if profiles {
		want := strings.Fields(fold(query))
		for _, e := range s.chat.directory {
			if e.matches(want) {
				found = append(found, e.user)
			}
		}
	}
	items, next := page(found, offset, size, fp)
	resp := struct {
		People        []wirePerson `json:"people,omitempty"`
		NextPageToken string       `json:"nextPageToken,omitempty"`
		TotalSize     int          `json:"totalSize,omitempty"`
	}{TotalSize: len(found), NextPageToken: next}
	for _, u := range items {
		resp.People = append(resp.People, wirePersonOf(u, mask))
	}
	s.mu.Unlock()
	writeChatJSON(w, http.StatusOK, resp)
}

func wirePersonOf(u *User, mask map[string]bool) wirePerson {
	meta := wireFieldMeta{Primary: true}
	meta.Source.Type, meta.Source.ID = "DOMAIN_PROFILE", u.ID
	p := wirePerson{ResourceName: "people/" + u.ID, Etag: "%" + fingerprint("etag", u.ID, u.DisplayName, u.Email)}
	if mask["names"] {
		given, family, _ := strings.Cut(u.DisplayName, " ")
		n := wireName{Metadata: meta, DisplayName: u.DisplayName, GivenName: given, FamilyName: family,
			UnstructuredName: u.DisplayName, DisplayNameLastFirst: u.DisplayName}
		if family != "" {
			n.DisplayNameLastFirst = family + ", " + given
		}
		p.Names = []wireName{n}
	}
	if mask["emailAddresses"] {
		p.EmailAddresses = []wireEmail{{Metadata: meta, Value: u.Email}}
	}
	if mask["metadata"] {
		p.Metadata = &wirePersonMeta{Sources: []struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		}{{"DOMAIN_PROFILE", u.ID}}}
	}
	return p
}

// directoryEntry is a person of the organisation's directory with the words a search matches.
type directoryEntry struct {
	user  *User
	words []string
}

// initDirectory indexes the organisation's own people (not outsiders), in dataset order, once:
// the directory does not change while the emulator runs.
func (c *chatState) initDirectory(d *Dataset) {
	for _, u := range d.Users {
		cu := c.users[u.ID]
		if cu == nil || cu.External {
			continue
		}
		email := strings.ToLower(cu.Email)
		words := append(strings.FieldsFunc(fold(cu.DisplayName), notWordRune), email)
		words = append(words, strings.FieldsFunc(email, func(r rune) bool { return r == '.' || r == '@' || r == '-' || r == '_' })...)
		c.directory = append(c.directory, directoryEntry{cu, words})
	}
}

// matches is the directory's prefix match: every word of the query starts a word of the
// person's name or their email address (the whole address or its parts), ignoring case and
// accents, so "ines mor" finds Inès Moreau and "priya.r" finds priya.raman@example.com.
func (e directoryEntry) matches(want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(e.words, func(x string) bool { return strings.HasPrefix(x, w) }) {
			return false
		}
	}
	return true
}

// fold lower-cases s and strips the accents of the Latin letters the demo names use.
func fold(s string) string {
	r := strings.NewReplacer("à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ç", "c",
		"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i", "ı", "i",
		"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ù", "u", "ú", "u",
		"û", "u", "ü", "u", "ý", "y", "š", "s", "ž", "z", "č", "c", "ř", "r", "ě", "e", "ł", "l",
		"ś", "s", "ź", "z", "ż", "z", "ğ", "g", "ş", "s", "ß", "ss")
	return r.Replace(strings.ToLower(s))
}

func (s *Server) groupsLookup(w http.ResponseWriter, r *http.Request) {
	_, ok := s.apiAuth(w, r, "cloudidentity.googleapis.com", rpcLookupGroupName,
		scopeGroupsReadonly, scopeGroups, scopeCloudPlatform)
	if !ok {
		return
	}
	q := r.URL.Query()
	id := strings.TrimSpace(q.Get("groupKey.id"))
	if q.Get("groupKey.namespace") != "" {
		// External-identity namespaces need an identity source the demo organisation lacks.
		notFoundGroup(w)
		return
	}
	if id == "" {
		badRequest(w, "Request contains an invalid argument.")
		return
	}
	s.mu.Lock()
	grp := s.chat.groupEmails[strings.ToLower(id)]
	s.mu.Unlock()
	_, domain, _ := strings.Cut(id, "@")
	switch {
	case grp != nil:
		writeChatJSON(w, http.StatusOK, map[string]string{"name": "groups/" + grp.ID})
	case !strings.EqualFold(domain, s.data.Domain):
		// Another customer's group (or no group at all) is not visible: Cloud Identity answers
		// 403 for resources the caller may not see "or [that] may not exist", as for groups.get.
		writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED",
			"Error(2028): Permission denied for resource "+id+" (or it may not exist).")
	default:
		notFoundGroup(w)
	}
}

// notFoundGroup: an address of the organisation's own domain that is no group (a person, or
// nobody). Cloud Identity's exact text here is not documented; the status is NOT_FOUND.
func notFoundGroup(w http.ResponseWriter) {
	writeChatError(w, http.StatusNotFound, "NOT_FOUND", "Error(4003): Group does not exist.")
}
