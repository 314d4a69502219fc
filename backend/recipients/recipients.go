// Package recipients reads the people a user typed or pasted: one address, or a list as mail
// programs copy it (commas, semicolons, new lines, `Name <address>`, `"Doe, Jane" <address>`),
// and checks each with the same rules as the requests (chat.PersonName), so the UI shows every
// verdict before anything is sent and never applies rules of its own.
package recipients

import (
	"strings"

	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

// Limits: a paste beyond them is cut, and Check says how much was left out.
const (
	MaxBytes   = 1 << 20
	MaxEntries = 5000
)

// Entry is one person of the list.
type Entry struct {
	// Text is the entry as it was written, trimmed ("Jane Doe <jane@example.com>").
	Text string `json:"text"`
	// Name is the display name of a `Name <address>` entry, without quotes.
	Name string `json:"name,omitempty"`
	// Value is what to send, normalised (the address, or "users/{id}"), "" when refused.
	Value string `json:"value"`
	// Problem says why the entry cannot be sent (chat.invalid_email, chat.invalid_person, ...).
	Problem *problem.Problem `json:"problem,omitempty"`
}

// Check is the verdict on a whole text.
type Check struct {
	Entries []Entry `json:"entries"`
	// LeftOut counts the bytes (past MaxBytes) or entries (past MaxEntries) not read.
	LeftOut bool `json:"leftOut"`
}

// Parse splits text into entries and checks each. Separators inside double quotes or angle
// brackets do not split; empty entries are skipped; text that is not UTF-8 is read with its
// invalid bytes replaced (and then refused as an address).
func Parse(text string) Check {
	var c Check
	if len(text) > MaxBytes {
		text, c.LeftOut = text[:MaxBytes], true
	}
	text = strings.ToValidUTF8(text, "\uFFFD")
	var cur strings.Builder
	quoted, angled := false, false
	flush := func() bool {
		s := strings.TrimSpace(cur.String())
		cur.Reset()
		if s == "" {
			return true
		}
		if len(c.Entries) == MaxEntries {
			c.LeftOut = true
			return false
		}
		c.Entries = append(c.Entries, entry(s))
		return true
	}
	for _, r := range text {
		switch {
		case r == '"' && !angled:
			quoted = !quoted
		case r == '<' && !quoted:
			angled = true
		case r == '>' && !quoted:
			angled = false
		case (r == ',' || r == ';' || r == '\n' || r == '\r') && !quoted && !angled:
			if !flush() {
				return c
			}
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return c
}

// One checks text as a single entry, as Parse checks each of its entries, without looking for
// separators: for a caller that already knows the text holds one person (a cell of a table
// without , ; or line breaks), at a fraction of Parse's cost.
func One(text string) Entry {
	return entry(strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD")))
}

// entry reads one trimmed entry: `Name <address>` or a bare address or user id.
func entry(s string) Entry {
	e := Entry{Text: s}
	addr := s
	if i := strings.LastIndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		addr = s[i+1 : len(s)-1]
		e.Name = strings.Trim(strings.TrimSpace(s[:i]), `"`)
	}
	name, email, err := chat.PersonName(addr)
	if err != nil {
		p, ok := problem.As(err)
		if !ok {
			p = problem.Internal(err)
		}
		e.Problem = p
		return e
	}
	// As the request will name them: the normalised address, or users/{id}.
	e.Value = email
	if email == "" {
		e.Value = name
	}
	return e
}
