package recipients

import (
	"strings"
	"testing"
	"unicode/utf8"

	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

func values(c Check) []string {
	var out []string
	for _, e := range c.Entries {
		if e.Problem != nil {
			out = append(out, "!"+e.Problem.Code)
		} else {
			out = append(out, e.Value)
		}
	}
	return out
}

func TestParseListsAsMailProgramsCopyThem(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"jane@example.com", "jane@example.com"},
		{"  Jane@Example.COM\u200b ", "Jane@example.com"},
		{"a@example.com, b@example.com; c@example.com\nd@example.com\r\n", "a@example.com b@example.com c@example.com d@example.com"},
		{`Jane Doe <jane@example.com>, "Doe, John" <john@example.com>`, "jane@example.com john@example.com"},
		{"1234567890, users/42", "users/1234567890 users/42"},
		{"jane@example, ,,;", "!chat.invalid_email"},
		{"jane", "!chat.invalid_email"},
		{"users/jane", "!chat.invalid_email"},
		{"<>", "!chat.empty_person"},
		{"users/app", "!chat.invalid_person"},
		{"spaces/../x@example.com", "!chat.invalid_email"},
		{"", ""},
	} {
		if got := strings.Join(values(Parse(c.in)), " "); got != c.want {
			t.Errorf("Parse(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	e := Parse(`"Doe, Jane" <jane@example.com>`).Entries[0]
	if e.Name != "Doe, Jane" || e.Text != `"Doe, Jane" <jane@example.com>` {
		t.Errorf("entry %+v", e)
	}
}

func TestParseCutsHugePastes(t *testing.T) {
	c := Parse(strings.Repeat("a@example.com\n", MaxEntries+10))
	if len(c.Entries) != MaxEntries || !c.LeftOut {
		t.Fatalf("%d entries, leftOut %v", len(c.Entries), c.LeftOut)
	}
	c = Parse(strings.Repeat("x", MaxBytes+1))
	if !c.LeftOut || len(c.Entries) != 1 || c.Entries[0].Problem == nil {
		t.Fatalf("one huge word: %+v", c.LeftOut)
	}
}

// Whatever is pasted, Parse neither panics nor accepts anything the request path would refuse:
// every accepted value passes chat.PersonName, every refusal is a problem with a code.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"jane@example.com", `"a, b" <c@d.ee>; x`, "\x00\xff<<>>\"", "users/1, users/app", "a@b.c\n\n;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Parse(s)
		for _, e := range c.Entries {
			if !utf8.ValidString(e.Text) || e.Text != strings.TrimSpace(e.Text) || e.Text == "" {
				t.Fatalf("entry text %q", e.Text)
			}
			if e.Problem != nil {
				if e.Value != "" || problem.CodeOf(e.Problem) == "" {
					t.Fatalf("refused entry %+v", e)
				}
				continue
			}
			if _, _, err := chat.PersonName(e.Value); err != nil {
				t.Fatalf("accepted %q, which PersonName refuses: %v", e.Value, err)
			}
		}
	})
}

// One gives what Parse gives for text that holds one entry.
func TestOneIsParseOfOneEntry(t *testing.T) {
	for _, s := range []string{"jane@Example.com", " Jane Doe <jane@example.com> ", `"Jane" <jane@example.com>`, "users/123", "nope", "users/app", "\xffa@b.cc"} {
		c := Parse(s)
		if len(c.Entries) != 1 {
			t.Fatalf("%q: %d entries", s, len(c.Entries))
		}
		if got, want := One(s), c.Entries[0]; got.Text != want.Text || got.Name != want.Name || got.Value != want.Value || code(got.Problem) != code(want.Problem) {
			t.Errorf("One(%q) = %+v, Parse gives %+v", s, got, want)
		}
	}
}

func code(p *problem.Problem) string {
	if p == nil {
		return ""
	}
	return p.Code
}
