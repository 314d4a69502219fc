package chat

import (
	"strings"
	"testing"

	"chatmembers/backend/problem"
)

func TestValidateSpaceName(t *testing.T) {
	good := []string{"spaces/AAAA", "spaces/a", "spaces/AAQA-x_9", "spaces/" + strings.Repeat("z", 64)}
	bad := []string{
		"", " ", "spaces/", "spaces/AAA/../x", "spaces/AAA/members/1", "spaces/../x", "spaces/AA A",
		" spaces/AAAA", "spaces/AAAA ", "spaces/AAAA\n", "Spaces/AAAA", "rooms/AAAA", "AAAA",
		"spaces/AAAA?x=1", "spaces/AAAA#f", "spaces/AA%2F", "spaces/" + strings.Repeat("z", 65),
		"spaces/ÀAAA", "spaces/AA.A", "spaces//AAAA",
	}
	for _, n := range good {
		if err := ValidateSpaceName(n); err != nil {
			t.Errorf("ValidateSpaceName(%q) = %v, want ok", n, err)
		}
	}
	for _, n := range bad {
		err := ValidateSpaceName(n)
		if problem.CodeOf(err) != CodeInvalidSpace {
			t.Errorf("ValidateSpaceName(%q) = %v, want %s", n, err, CodeInvalidSpace)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	ok := map[string]string{
		"jane@example.com":                       "jane@example.com",
		"  Jane.Doe@Example.COM \t":              "Jane.Doe@example.com",
		"\u200bjane@example.com\ufeff":           "jane@example.com",
		"o'brien+chat@sub.example.co.uk":         "o'brien+chat@sub.example.co.uk",
		"a_b-c=d@xn--bcher-kva.example":          "a_b-c=d@xn--bcher-kva.example",
		"x@a-b.io":                               "x@a-b.io",
		strings.Repeat("a", 64) + "@example.com": strings.Repeat("a", 64) + "@example.com",
	}
	for in, want := range ok {
		got, err := NormalizeEmail(in)
		if err != nil || got != want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	long := strings.Repeat("a", 60) + "@" + strings.Repeat("b", 60) + "." + strings.Repeat("c", 60) + "." + strings.Repeat("d", 60) + "." + strings.Repeat("e", 10) + ".com"
	bad := []string{
		"jane", "jane@", "@example.com", "jane@example", "jane@@example.com", "ja ne@example.com",
		"jane@exa mple.com", "jane@example..com", ".jane@example.com", "jane.@example.com",
		"ja..ne@example.com", "jane@-example.com", "jane@example-.com", "jane@example.123",
		"jane@127.0.0.1", "jane/../x@example.com", "jane?x@example.com", "jane#x@example.com",
		"jane%40@example.com", "jane@exa/mple.com", "jane@example.com/..", "ja\x00ne@example.com",
		"ja\nne@example.com", "\"jane\"@example.com", "jané@example.com", "jane@bücher.example",
		"jane@example.com.", strings.Repeat("a", 65) + "@example.com", long,
		"jane@" + strings.Repeat("a", 64) + ".com", "jane@[127.0.0.1]", "a@b@example.com",
		// Letters that lower-case to ASCII (Kelvin sign U+212A to k, dotted capital I U+0130 to
		// i) would send the request to another domain: non-ASCII is refused before folding.
		"alice@exampl\u212a.com", "alice@\u212aexample.com", "alice@example.\u212a", "\u0130van@example.com",
		"ivan@\u0130nfo.example", "alice@exa\u017fple.com",
	}
	for _, in := range bad {
		_, err := NormalizeEmail(in)
		p, isP := problem.As(err)
		if !isP || p.Code != CodeInvalidEmail || p.Params["email"] == "" {
			t.Errorf("NormalizeEmail(%q) = %v, want %s with the email in Params", in, err, CodeInvalidEmail)
		}
	}
	if _, err := NormalizeEmail("  "); problem.CodeOf(err) != CodeEmptyPerson {
		t.Errorf("blank email: %v, want %s", err, CodeEmptyPerson)
	}
}

func TestPersonName(t *testing.T) {
	cases := []struct{ in, name, email, code string }{
		{"jane@Example.com", "users/jane@example.com", "jane@example.com", ""},
		{" users/jane@EXAMPLE.com ", "users/jane@example.com", "jane@example.com", ""},
		{"123456789012345678901", "users/123456789012345678901", "", ""},
		{"users/42", "users/42", "", ""},
		{"", "", "", CodeEmptyPerson},
		{"users/", "", "", CodeEmptyPerson},
		{"users/app", "", "", CodeInvalidPerson},
		{strings.Repeat("1", 31), "", "", CodeInvalidPerson},
		{"jane", "", "", CodeInvalidEmail},
		{"users/../spaces/X", "", "", CodeInvalidEmail},
		{"users/42/../1", "", "", CodeInvalidEmail},
		{"groups/123", "", "", CodeInvalidEmail},
	}
	for _, c := range cases {
		name, email, err := PersonName(c.in)
		if problem.CodeOf(err) != c.code || name != c.name || email != c.email {
			t.Errorf("PersonName(%q) = %q, %q, %v; want %q, %q, code %q", c.in, name, email, err, c.name, c.email, c.code)
		}
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Errorf("PersonName(%q) error is %T, want *problem.Problem", c.in, err)
			}
		}
	}
}

func TestMemberPath(t *testing.T) {
	if got := memberPath("spaces/A", "users/jane@example.com"); got != "spaces/A/members/jane@example.com" {
		t.Error(got)
	}
	if got := memberPath("spaces/A", "users/app"); got != "spaces/A/members/app" {
		t.Error(got)
	}
}

// safePath holds for anything that may go into a URL path after validation.
func safePath(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, "..") && strings.Contains(s, "/") && strings.Contains(s, "/..") {
		t.Fatalf("%s accepted %q containing /..", what, s)
	}
	for _, c := range []string{"?", "#", "%", "\\", " ", "\x00", "\n"} {
		if strings.Contains(s, c) {
			t.Fatalf("%s accepted %q containing %q", what, s, c)
		}
	}
}

func FuzzValidateSpaceName(f *testing.F) {
	for _, s := range []string{"spaces/AAAA", "spaces/AAA/../x", "spaces/..", "spaces/A/B", "spaces/", "spaces/a-b_c", "spaces/%2e%2e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidateSpaceName(s) != nil {
			return
		}
		safePath(t, "ValidateSpaceName", s)
		if strings.Count(s, "/") != 1 || !strings.HasPrefix(s, "spaces/") || strings.Contains(s, ".") {
			t.Fatalf("ValidateSpaceName accepted %q", s)
		}
	})
}

func FuzzValidateEmail(f *testing.F) {
	for _, s := range []string{"jane@example.com", "a/../b@example.com", "jane@example.com/../x", "users/jane@x.io", "1234", " Jane@EXAMPLE.com ", "j..ane@x.y", "x@y..z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if e, err := NormalizeEmail(s); err == nil {
			safePath(t, "NormalizeEmail", e)
			if strings.Contains(e, "/") || strings.Count(e, "@") != 1 || len(e) > maxEmailLen || strings.Contains(e, "..") ||
				strings.IndexFunc(e, func(r rune) bool { return r > 0x7f }) >= 0 {
				t.Fatalf("NormalizeEmail accepted %q as %q", s, e)
			}
			if again, err := NormalizeEmail(e); err != nil || again != e {
				t.Fatalf("NormalizeEmail is not idempotent on %q: %q, %v", e, again, err)
			}
		}
		if name, _, err := PersonName(s); err == nil {
			rest := strings.TrimPrefix(name, "users/")
			safePath(t, "PersonName", name)
			if !strings.HasPrefix(name, "users/") || strings.Contains(rest, "/") || rest == "app" {
				t.Fatalf("PersonName accepted %q as %q", s, name)
			}
			if p := memberPath("spaces/A", name); strings.Count(p, "/") != 3 {
				t.Fatalf("member path %q has extra slashes", p)
			}
		}
	})
}
