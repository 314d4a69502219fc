package emulator

// Paging and the filter grammar shared by spaces.list and spaces.members.list; spaces.search
// (chat_search.go) shares the tokenizer.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

const (
	defaultPageSize = 100
	maxPageSize     = 1000
)

// pageSize reads pageSize: unset or 0 means 100, more than 1000 is cut to 1000 and a negative
// value is an error, as the discovery document describes.
func pageSize(q url.Values) (int, error) {
	v := q.Get("pageSize")
	if v == "" {
		return defaultPageSize, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	switch {
	case err != nil:
		return 0, fmt.Errorf("Invalid value at 'page_size' (TYPE_INT32), %q", v)
	case n < 0:
		return 0, errors.New("Page size must not be negative.")
	case n == 0:
		return defaultPageSize, nil
	case n > maxPageSize:
		return maxPageSize, nil
	}
	return int(n), nil
}

// fingerprint ties a page token to the request that produced it (caller, parent, filter,
// flags), so a token replayed with other parameters is refused rather than misread.
func fingerprint(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:6])
}

// Page tokens are opaque to clients: base64url of "offset:fingerprint". Offsets rather than
// cursors keep it simple; like Google, results may shift if memberships change while paging.
func encodePageToken(offset int, fp string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(offset) + ":" + fp))
}

var errPageToken = errors.New("Invalid page token.")

// pageOffset decodes pageToken; empty means the first page.
func pageOffset(q url.Values, fp string) (int, error) {
	tok := q.Get("pageToken")
	if tok == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil {
		return 0, errPageToken
	}
	off, got, ok := strings.Cut(string(raw), ":")
	n, err := strconv.Atoi(off)
	if !ok || err != nil || n < 0 || got != fp {
		return 0, errPageToken
	}
	return n, nil
}

// page cuts items[offset:offset+size] and returns the token of the page after it, tied to the
// request by fp; "" when this is the last page.
func page[T any](items []T, offset, size int, fp string) (out []T, nextToken string) {
	if offset >= len(items) {
		return nil, ""
	}
	end := min(offset+size, len(items))
	if end < len(items) {
		nextToken = encodePageToken(end, fp)
	}
	return items[offset:end], nextToken
}

// filterTerm is one comparison: field op "value".
type filterTerm struct{ field, op, value string }

// filterExpr is a filter in conjunctive form: every group must hold, and a group holds when any
// of its terms does. AIP-160, the grammar Google's filters follow, binds OR tighter than AND, so
// `a AND b OR c` is `a AND (b OR c)`; parentheses may wrap an OR group. Nothing deeper (NOT,
// nested parentheses, AND inside parentheses) is documented for the Chat API, so it is refused.
type filterExpr [][]filterTerm

// parseFilter reads `field = "VALUE" [AND|OR field != "VALUE" ...]` with optional parentheses
// around OR groups. Whitespace is free, values must be double-quoted, AND and OR are upper case.
func parseFilter(s string) (filterExpr, error) {
	toks, err := tokenize(s, "=", "!=", "(", ")")
	if err != nil {
		return nil, err
	}
	var e filterExpr
	i := 0
	for {
		group, n, err := parseOrGroup(toks[i:])
		if err != nil {
			return nil, err
		}
		e = append(e, group)
		i += n
		if i == len(toks) {
			return e, nil
		}
		if toks[i] != "AND" {
			return nil, fmt.Errorf("expected AND or OR, found %s", toks[i])
		}
		i++
	}
}

// parseOrGroup reads `term {OR term}`, or the same in parentheses, from the start of toks and
// returns the terms and the number of tokens used.
func parseOrGroup(toks []string) ([]filterTerm, int, error) {
	paren := len(toks) > 0 && toks[0] == "("
	i := 0
	if paren {
		i = 1
	}
	var terms []filterTerm
	for {
		if i+3 > len(toks) {
			return nil, 0, errors.New("incomplete comparison")
		}
		field, op, val := toks[i], toks[i+1], toks[i+2]
		if !isIdent(field) || (op != "=" && op != "!=") || !strings.HasPrefix(val, `"`) {
			return nil, 0, fmt.Errorf("expected field = \"VALUE\", found %s %s %s", field, op, val)
		}
		terms = append(terms, filterTerm{field, op, strings.Trim(val, `"`)})
		i += 3
		if i < len(toks) && toks[i] == "OR" {
			i++
			continue
		}
		if paren {
			if i >= len(toks) || toks[i] != ")" {
				return nil, 0, errors.New("expected ) after an OR group")
			}
			i++
		}
		return terms, i, nil
	}
}

// tokenize splits a filter or search query into identifiers, quoted strings (kept with quotes)
// and the operators the caller's grammar has, out of = != < > <= >= : ( ). Any other character,
// including an operator the grammar lacks, is refused as unexpected, so each method keeps its
// own refusals: spaces.list and members.list pass "=", "!=", "(", ")"; spaces.search all of them.
func tokenize(s string, ops ...string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case i+1 < len(s) && slices.Contains(ops, s[i:i+2]): // longest first: <= before <
			toks = append(toks, s[i:i+2])
			i += 2
		case slices.Contains(ops, s[i:i+1]):
			toks = append(toks, s[i:i+1])
			i++
		case c == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, errors.New("unterminated string")
			}
			toks = append(toks, s[i:i+end+2])
			i += end + 2
		case isIdentByte(c):
			j := i
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			return nil, fmt.Errorf("unexpected character %q", c)
		}
	}
	return toks, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isIdent(t string) bool {
	return t != "AND" && t != "OR" && t != "" && isIdentByte(t[0])
}

// spaceTypeFilter parses spaces.list's filter into the set of wanted space types (nil: all).
func spaceTypeFilter(s string) (map[string]bool, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	e, err := parseFilter(s)
	switch {
	case err != nil:
	case strings.ContainsAny(s, "()"):
		// spaces.list documents flat OR lists only; members.list's grouping is its own.
		err = errors.New("parentheses are not supported")
	case len(e) > 1:
		err = errors.New("space types can only be combined with OR")
	}
	want := map[string]bool{}
	for _, t := range slices.Concat(e...) {
		if err != nil {
			break
		}
		switch {
		case t.field != "spaceType" && t.field != "space_type":
			err = fmt.Errorf("unsupported field %s", t.field)
		case t.op != "=":
			err = fmt.Errorf("unsupported operator %s", t.op)
		case t.value != SpaceTypeSpace && t.value != SpaceTypeGroupChat && t.value != SpaceTypeDirectMessage:
			err = fmt.Errorf("invalid space type %q", t.value)
		}
		want[t.value] = true
	}
	if err != nil {
		return nil, fmt.Errorf("Invalid filter query %q: %v. Supported: spaceType = \"SPACE\", optionally OR-joined with other space types.", s, err)
	}
	return want, nil
}

// memberFilter is spaces.members.list's filter compiled to a predicate.
type memberFilter func(m *chatMember) bool

// parseMemberFilter accepts Google's documented filters: role = "ROLE_…" and member.type
// (= or !=) "HUMAN" or "BOT". One OR group may mix them ("either role or type"); groups joined
// with AND must each be about one field, and a field may appear in only one of them, so
// `role = "ROLE_MANAGER" AND role = "ROLE_MEMBER"` is refused as Google refuses it, while
// `(role = "ROLE_MANAGER" OR role = "ROLE_MEMBER") AND member.type = "HUMAN"` is fine.
//
// A Google Group's membership has no member and no role (MEMBERSHIP_ROLE_UNSPECIFIED): it
// matches no `role =` and no `member.type =` term, and every `member.type !=` term, so
// `member.type != "BOT"` (required with admin access) keeps groups while `= "HUMAN"` drops them.
func parseMemberFilter(s string) (memberFilter, error) {
	if strings.TrimSpace(s) == "" {
		return func(*chatMember) bool { return true }, nil
	}
	e, err := parseFilter(s)
	owner := map[string]int{} // field -> the AND group it appears in
	for gi, group := range e {
		for _, t := range group {
			if err != nil {
				break
			}
			switch {
			case t.field != "role" && t.field != "member.type":
				err = fmt.Errorf("unsupported field %s", t.field)
			case t.field == "role" && (t.op != "=" ||
				t.value != RoleMember && t.value != RoleManager && t.value != RoleAssistantManager):
				err = fmt.Errorf("unsupported comparison %s %s %q", t.field, t.op, t.value)
			case t.field == "member.type" && t.value != "HUMAN" && t.value != "BOT":
				err = fmt.Errorf("unsupported comparison %s %s %q", t.field, t.op, t.value)
			case len(e) > 1 && len(group) > 1 && group[0].field != t.field:
				err = errors.New("role and member.type can only be mixed in a single OR group")
			}
			if g, seen := owner[t.field]; err == nil && seen && g != gi {
				err = fmt.Errorf("%s can appear in only one of the groups joined with AND", t.field)
			}
			owner[t.field] = gi
		}
	}
	if err != nil {
		return nil, fmt.Errorf("Invalid filter query %q: %v. Supported: role = \"ROLE_MEMBER\" or \"ROLE_MANAGER\", member.type = or != \"HUMAN\" or \"BOT\"; OR within a field, AND between role and member.type.", s, err)
	}
	return func(m *chatMember) bool {
		for _, group := range e {
			if !slices.ContainsFunc(group, func(t filterTerm) bool { return termMatches(t, m) }) {
				return false
			}
		}
		return true
	}, nil
}

func termMatches(t filterTerm, m *chatMember) bool {
	var got string
	switch {
	case m.groupID != "":
		return t.op == "!=" // no member, no role: only an inequality holds
	case t.field == "role":
		got = m.role
	case m.bot:
		got = "BOT"
	default:
		got = "HUMAN"
	}
	return (got == t.value) == (t.op == "=")
}
