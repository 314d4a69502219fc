package emulator

// spaces.search: GET /v1/spaces:search?query=...&useAdminAccess=true
//
// The query grammar, as the discovery document describes it: comparisons joined by AND across
// fields; parentheses group comparisons on one field. customer = "customers/my_customer" is
// required with admin access, space_type = "SPACE" always; display_name:"text" (HAS) and
// external_user_allowed / space_history_state (=) may be OR-ed within their field;
// create_time and last_active_time take =, <, >, <=, >= against an RFC 3339 time, and AND
// within their field only for an interval. Field names may be snake_case or camelCase.
// Anything else is INVALID_ARGUMENT.

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

const (
	maxSearchQuery = 1000 // characters, as documented
	maxUserSearch  = 100  // pageSize cap without admin access
)

// searchCmp is one comparison of a search query.
type searchCmp struct {
	field, op, value string
	t                time.Time
}

// searchGroup is a run of comparisons on one field joined by OR (or AND, for an interval).
type searchGroup struct {
	cmps []searchCmp
	and  bool
}

// canonicalSearchField maps camelCase to the snake_case names the grammar documents.
func canonicalSearchField(f string) string {
	switch f {
	case "spaceType":
		return "space_type"
	case "displayName":
		return "display_name"
	case "externalUserAllowed":
		return "external_user_allowed"
	case "createTime":
		return "create_time"
	case "lastActiveTime":
		return "last_active_time"
	case "spaceHistoryState":
		return "space_history_state"
	}
	return f
}

// parseSearchQuery parses a query into groups that must all match (AND).
func parseSearchQuery(q string) ([]searchGroup, error) {
	toks, err := tokenize(q, "=", "!=", "<", ">", "<=", ">=", ":", "(", ")")
	if err != nil {
		return nil, err
	}
	var groups []searchGroup
	i := 0
	cmp := func() (searchCmp, error) {
		if i+3 > len(toks) {
			return searchCmp{}, errors.New("incomplete comparison")
		}
		c := searchCmp{field: canonicalSearchField(toks[i]), op: toks[i+1], value: toks[i+2]}
		i += 3
		if !isIdent(c.field) || !strings.HasPrefix(c.value, `"`) && c.value != "true" && c.value != "false" {
			return c, fmt.Errorf("expected field OP \"value\" near %s", c.field)
		}
		c.value = strings.Trim(c.value, `"`)
		switch c.field {
		case "customer", "space_type", "external_user_allowed", "space_history_state":
			if c.op != "=" {
				return c, fmt.Errorf("%s supports only =", c.field)
			}
		case "display_name":
			if c.op != ":" {
				return c, errors.New("display_name supports only the HAS operator (:)")
			}
		case "create_time", "last_active_time":
			if !slices.Contains([]string{"=", "<", ">", "<=", ">="}, c.op) {
				return c, fmt.Errorf("%s supports =, <, >, <= and >=", c.field)
			}
			t, err := time.Parse(time.RFC3339Nano, c.value)
			if err != nil {
				return c, fmt.Errorf("%s needs an RFC 3339 timestamp, got %q", c.field, c.value)
			}
			c.t = t
		default:
			return c, fmt.Errorf("unsupported field %s", c.field)
		}
		return c, nil
	}
	for i < len(toks) {
		if len(groups) > 0 {
			if toks[i] != "AND" {
				return nil, errors.New("only AND is supported across fields")
			}
			i++
		}
		var g searchGroup
		if i < len(toks) && toks[i] == "(" {
			i++
			joiner := ""
			for {
				c, err := cmp()
				if err != nil {
					return nil, err
				}
				g.cmps = append(g.cmps, c)
				if i >= len(toks) {
					return nil, errors.New("missing )")
				}
				if toks[i] == ")" {
					i++
					break
				}
				if (toks[i] != "AND" && toks[i] != "OR") || joiner != "" && toks[i] != joiner {
					return nil, errors.New("AND and OR cannot be mixed inside parentheses")
				}
				joiner = toks[i]
				i++
			}
			g.and = joiner == "AND"
		} else {
			c, err := cmp()
			if err != nil {
				return nil, err
			}
			g.cmps = []searchCmp{c}
		}
		for _, c := range g.cmps[1:] {
			if c.field != g.cmps[0].field {
				return nil, errors.New("parentheses may only group comparisons on one field")
			}
		}
		f := g.cmps[0].field
		if g.and && f != "create_time" && f != "last_active_time" {
			return nil, fmt.Errorf("%s does not support AND", f)
		}
		if len(g.cmps) > 1 && (f == "space_type" || f == "customer") {
			return nil, fmt.Errorf("%s does not support AND or OR", f)
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// searchMatcher checks the required terms and compiles the query to a predicate.
func searchMatcher(q string, admin bool) (func(*chatSpace) bool, error) {
	if strings.TrimSpace(q) == "" {
		return nil, errors.New("query is required")
	}
	if len(q) > maxSearchQuery {
		return nil, errors.New("the query is longer than 1,000 characters")
	}
	groups, err := parseSearchQuery(q)
	if err != nil {
		return nil, err
	}
	var haveCustomer, haveType bool
	for _, g := range groups {
		c := g.cmps[0]
		switch c.field {
		case "customer":
			if c.value != "customers/my_customer" {
				return nil, errors.New(`customer must be "customers/my_customer"`)
			}
			if !admin {
				return nil, errors.New("customer is only supported with use_admin_access")
			}
			haveCustomer = true
		case "space_type":
			if c.value != SpaceTypeSpace {
				return nil, errors.New(`the only valid space_type is "SPACE"`)
			}
			haveType = true
		case "create_time", "last_active_time", "space_history_state":
			if !admin {
				return nil, fmt.Errorf("%s is only supported with use_admin_access", c.field)
			}
		}
	}
	if admin && !haveCustomer {
		return nil, errors.New(`customer = "customers/my_customer" is required with use_admin_access`)
	}
	if !haveType {
		return nil, errors.New(`space_type = "SPACE" is required`)
	}
	return func(sp *chatSpace) bool {
		for _, g := range groups {
			if !g.matches(sp) {
				return false
			}
		}
		return true
	}, nil
}

func (g searchGroup) matches(sp *chatSpace) bool {
	for _, c := range g.cmps {
		if ok := c.matches(sp); ok != g.and {
			return ok // OR: first hit wins; AND: first miss loses
		}
	}
	return g.and
}

func (c searchCmp) matches(sp *chatSpace) bool {
	switch c.field {
	case "customer":
		return true
	case "space_type":
		return sp.Type == c.value
	case "display_name":
		return hasWords(sp.DisplayName, c.value)
	case "external_user_allowed":
		return strconv.FormatBool(sp.ExternalUserAllowed) == strings.ToLower(c.value)
	case "space_history_state":
		return c.value == "HISTORY_ON" // every demo space keeps history
	case "create_time", "last_active_time":
		t := sp.CreateTime
		if c.field == "last_active_time" {
			t = sp.LastActiveTime
		}
		switch c.op {
		case "=":
			return t.Equal(c.t)
		case "<":
			return t.Before(c.t)
		case ">":
			return t.After(c.t)
		case "<=":
			return !t.After(c.t)
		default:
			return !t.Before(c.t)
		}
	}
	return false
}

// hasWords is display_name's HAS: every word of the text starts a word of the name, ignoring
// case ("eng" finds "Engineering", "ops rott" finds "Warehouse Ops Rotterdam").
func hasWords(name, text string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), notWordRune)
	for _, want := range strings.FieldsFunc(strings.ToLower(text), notWordRune) {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, want) }) {
			return false
		}
	}
	return true
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func (s *Server) chatSearchSpaces(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcSearchSpaces, []string{scopeAdminSpaces, scopeAdminSpacesReadonly},
		scopeSpacesReadonly, scopeSpaces)
	if !ok {
		return
	}
	q := r.URL.Query()
	size, err := pageSize(q)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	if !g.AdminAccess {
		size = min(size, maxUserSearch)
	}
	match, err := searchMatcher(q.Get("query"), g.AdminAccess)
	if err != nil {
		badRequest(w, "Invalid query: "+err.Error()+".")
		return
	}
	order, err := searchOrder(q.Get("orderBy"), g.AdminAccess)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	fp := fingerprint("search", g.UserID, strconv.FormatBool(g.AdminAccess), q.Get("query"), q.Get("orderBy"))
	offset, err := pageOffset(q, fp)
	if err != nil {
		badRequest(w, err.Error())
		return
	}

	s.mu.Lock()
	var found []*chatSpace
	for _, sp := range s.chat.order {
		if (g.AdminAccess || sp.joined(g.UserID)) && match(sp) {
			found = append(found, sp)
		}
	}
	if order != nil {
		slices.SortStableFunc(found, order)
	}
	items, next := page(found, offset, size, fp)
	type result struct {
		Space wireSpace `json:"space"`
	}
	resp := struct {
		Spaces        []wireSpace `json:"spaces,omitempty"` // deprecated; admin access only
		Results       []result    `json:"results,omitempty"`
		NextPageToken string      `json:"nextPageToken,omitempty"`
		TotalSize     int         `json:"totalSize,omitempty"`
	}{}
	for _, sp := range items {
		ws := sp.wire()
		resp.Results = append(resp.Results, result{ws})
		if g.AdminAccess {
			resp.Spaces = append(resp.Spaces, ws)
		}
	}
	s.mu.Unlock()
	// Google fills nextPageToken and totalSize only with admin access.
	if g.AdminAccess {
		resp.TotalSize, resp.NextPageToken = len(found), next
	}
	writeChatJSON(w, http.StatusOK, resp)
}

// searchOrder parses orderBy; nil means the default order (creation order here).
func searchOrder(s string, admin bool) (func(a, b *chatSpace) int, error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil, nil
	}
	field, dir, _ := strings.Cut(s, " ")
	if dir == "" {
		dir = "ASC"
	}
	desc := dir == "DESC"
	if dir != "ASC" && !desc || !admin && (!desc || field != "create_time" && field != "relevance") {
		return nil, fmt.Errorf("Invalid order_by %q.", s)
	}
	var key func(*chatSpace) int64
	switch field {
	case "create_time":
		key = func(sp *chatSpace) int64 { return sp.CreateTime.UnixNano() }
	case "last_active_time":
		key = func(sp *chatSpace) int64 { return sp.LastActiveTime.UnixNano() }
	case "membership_count.joined_direct_human_user_count":
		key = func(sp *chatSpace) int64 { return int64(sp.wire().MembershipCount.JoinedDirectHumanUserCount) }
	case "relevance":
		if !admin {
			return nil, nil
		}
		fallthrough
	default:
		return nil, fmt.Errorf("Invalid order_by %q.", s)
	}
	return func(a, b *chatSpace) int {
		d := key(a) - key(b)
		if desc {
			d = -d
		}
		switch {
		case d < 0:
			return -1
		case d > 0:
			return 1
		}
		return 0
	}, nil
}
