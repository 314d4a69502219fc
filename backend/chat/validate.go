package chat

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"chatmembers/backend/problem"
)

// Every identifier that goes into a request URL is checked here first. The generated client
// expands paths like "v1/{+parent}/members" without escaping '/', '?', '#' or "..", so an
// unchecked "spaces/AAA/../x" would reach a different resource. Nothing in this file sends
// anything.

var (
	spaceNameRE = regexp.MustCompile(`^spaces/[A-Za-z0-9_-]{1,64}$`)
	userIDRE    = regexp.MustCompile(`^[0-9]{1,30}$`)
	// domainLabelRE is one DNS label (LDH rule), lower-cased before the check.
	domainLabelRE = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
)

const (
	maxEmailLen  = 254
	maxLocalLen  = 64
	maxDomainLen = 253
)

// ValidateSpaceName checks a space resource name, "spaces/AAAA". It trims nothing: a name with
// spaces around it did not come from Google.
func ValidateSpaceName(name string) error {
	if !spaceNameRE.MatchString(name) {
		return errInvalidSpace(name)
	}
	return nil
}

// NormalizeEmail trims an email address (spaces and invisible characters around it, as pasted
// from documents), lower-cases its domain and checks it against a practical subset of RFC 5322:
// a dot-atom local part of letters, digits and !$&'*+=^_`{|}~- (no quoted strings, and none of
// '/', '?', '#', '%' which would change the meaning of a URL path), one '@', a domain of at least
// two valid DNS labels whose last one is not all digits, 254 characters at most.
func NormalizeEmail(email string) (string, error) {
	e := trimInvisible(email)
	if e == "" {
		return "", errEmptyPerson()
	}
	if !validEmail(e) {
		return "", errInvalidEmail(e)
	}
	at := strings.IndexByte(e, '@')
	return e[:at] + "@" + strings.ToLower(e[at+1:]), nil
}

// validEmail reports whether e (already trimmed) is an address NormalizeEmail accepts, in any
// letter case.
func validEmail(e string) bool {
	// ASCII only, checked before any case folding: strings.ToLower maps the Kelvin sign (U+212A)
	// to "k" and U+0130 to "i", so "alice@exampl\u212a.com" would otherwise pass as, and be sent to,
	// example.com. Internationalised domains are accepted in their xn-- (Punycode) form.
	if len(e) > maxEmailLen || strings.Count(e, "@") != 1 || !isASCII(e) {
		return false
	}
	at := strings.IndexByte(e, '@')
	local, domain := e[:at], strings.ToLower(e[at+1:])
	if len(local) == 0 || len(local) > maxLocalLen {
		return false
	}
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for i := 0; i < len(local); i++ {
		if !isLocalChar(local[i]) {
			return false
		}
	}
	if len(domain) == 0 || len(domain) > maxDomainLen {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if !domainLabelRE.MatchString(l) {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return strings.IndexFunc(tld, func(r rune) bool { return r < '0' || r > '9' }) >= 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLocalChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte(".!$&'*+=^_`{|}~-", c) >= 0
}

// trimInvisible trims white space and the invisible characters that come along when an address is
// copied from a web page or document (zero-width spaces and joiners, byte-order mark).
func trimInvisible(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return true
		}
		return unicode.IsSpace(r)
	})
}

// PersonName turns what a user typed for a person into the member resource name Google expects:
// an email ("jane@Example.com" -> "users/jane@example.com"), a numeric user id
// ("1234" -> "users/1234"), or either of those already in "users/..." form. email is the
// normalised address when the person was given by email, "" for an id. "users/app" is not a
// person: use AddApp.
func PersonName(person string) (name, email string, err error) {
	p := trimInvisible(person)
	if rest, ok := strings.CutPrefix(p, "users/"); ok {
		p = rest
		if p == "app" {
			return "", "", errInvalidPerson(person)
		}
	}
	switch {
	case p == "":
		return "", "", errEmptyPerson()
	case strings.ContainsRune(p, '@'):
		e, err := NormalizeEmail(p)
		if err != nil {
			return "", "", err
		}
		return "users/" + e, e, nil
	case userIDRE.MatchString(p):
		return "users/" + p, "", nil
	case isAllDigits(p):
		return "", "", errInvalidPerson(p)
	default:
		// Non-programmers think in email addresses: "jane" is most likely one missing its domain.
		return "", "", errInvalidEmail(p)
	}
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// memberPath is the name for spaces.members.get: "spaces/X/members/{email|id}" (Google accepts the
// email as an alias). memberName must come from PersonName or be "users/app".
func memberPath(space, memberName string) string {
	return space + "/members/" + strings.TrimPrefix(memberName, "users/")
}

func errInvalidSpace(name string) *problem.Problem {
	return probInvalidSpace.With("space", name).
		WithDetail(fmt.Sprintf("space name %q does not match spaces/{id}", clip(name, 100)))
}

func errEmptyPerson() *problem.Problem {
	return probEmptyPerson
}

func errInvalidEmail(email string) *problem.Problem {
	return probInvalidEmail.With("email", clip(email, 300))
}

func errInvalidPerson(person string) *problem.Problem {
	return probInvalidPerson.With("person", clip(person, 300))
}

// clip shortens s to at most n bytes on a rune boundary, so a pasted novel doesn't end up in a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
