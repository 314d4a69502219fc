package emulator

// Paging and the filter grammar shared by spaces.list and spaces.members.list.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
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

// page cuts items[offset:offset+size] and says whether more follow.
func page[T any](items []T, offset, size int) (out []T, next int, more bool) {
	if offset >= len(items) {
		return nil, 0, false
	}
	end := min(offset+size, len(items))
	return items[offset:end], end, end < len(items)
}

// filterTerm is one comparison: field op "value".
type filterTerm struct{ field, op, value string }

// filterExpr is a flat list of terms joined by a single operator. Google's grammar (AIP-160)
// allows parentheses and mixing; the Chat API documents only flat AND/OR lists, so mixing AND
// and OR is rejected here rather than guessed at.
type filterExpr struct {
	terms []filterTerm
	and   bool
}

// parseFilter reads `field = "VALUE" [AND|OR field != "VALUE" ...]`. Whitespace is free, values
// must be double-quoted, AND and OR are upper case.
func parseFilter(s string) (filterExpr, error) {
	var e filterExpr
	toks, err := tokenize(s)
	if err != nil {
		return e, err
	}
	joiner := ""
	for i := 0; i < len(toks); {
		if i > 0 {
			j := toks[i]
			if j != "AND" && j != "OR" {
				return e, fmt.Errorf("expected AND or OR, found %s", j)
			}
			if joiner != "" && j != joiner {
				return e, errors.New("AND and OR cannot be combined")
			}
			joiner = j
			i++
		}
		if i+3 > len(toks) {
			return e, errors.New("incomplete comparison")
		}
		field, op, val := toks[i], toks[i+1], toks[i+2]
		if !isIdent(field) || (op != "=" && op != "!=") || !strings.HasPrefix(val, `"`) {
			return e, fmt.Errorf("expected field = \"VALUE\", found %s %s %s", field, op, val)
		}
		e.terms = append(e.terms, filterTerm{field, op, strings.Trim(val, `"`)})
		i += 3
	}
	if len(e.terms) == 0 {
		return e, errors.New("empty filter")
	}
	e.and = joiner == "AND"
	return e, nil
}

// tokenize splits a filter into identifiers, operators and quoted strings (kept with quotes).
func tokenize(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '=':
			toks = append(toks, "=")
			i++
		case c == '!' && i+1 < len(s) && s[i+1] == '=':
			toks = append(toks, "!=")
			i += 2
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

func isIdent(t string) bool { return t != "AND" && t != "OR" && t != "" && isIdentByte(t[0]) }

// spaceTypeFilter parses spaces.list's filter into the set of wanted space types (nil: all).
func spaceTypeFilter(s string) (map[string]bool, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	e, err := parseFilter(s)
	if err == nil && e.and && len(e.terms) > 1 {
		err = errors.New("space types can only be combined with OR")
	}
	want := map[string]bool{}
	for _, t := range e.terms {
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

// parseMemberFilter accepts role = "ROLE_…" and member.type (=|!=) "HUMAN"|"BOT", joined by
// AND (each field at most once) or OR.
func parseMemberFilter(s string) (memberFilter, error) {
	if strings.TrimSpace(s) == "" {
		return func(*chatMember) bool { return true }, nil
	}
	e, err := parseFilter(s)
	seen := map[string]bool{}
	for _, t := range e.terms {
		if err != nil {
			break
		}
		switch {
		case e.and && seen[t.field]:
			err = fmt.Errorf("%s can appear only once when terms are joined with AND", t.field)
		case t.field == "role" && t.op == "=" &&
			(t.value == RoleMember || t.value == RoleManager || t.value == RoleAssistantManager):
		case t.field == "member.type" && (t.value == "HUMAN" || t.value == "BOT"):
		default:
			err = fmt.Errorf("unsupported comparison %s %s %q", t.field, t.op, t.value)
		}
		seen[t.field] = true
	}
	if err != nil {
		return nil, fmt.Errorf("Invalid filter query %q: %v. Supported: role = \"ROLE_MEMBER\" or \"ROLE_MANAGER\", member.type = or != \"HUMAN\" or \"BOT\", joined with AND or OR.", s, err)
	}
	return func(m *chatMember) bool {
		for _, t := range e.terms {
			var got string
			if t.field == "role" {
				got = m.role
			} else if got = "HUMAN"; m.bot {
				got = "BOT"
			}
			if match := (got == t.value) == (t.op == "="); match != e.and {
				return match // OR: first match wins; AND: first miss loses
			}
		}
		return e.and
	}, nil
}
