package table

import (
	"net/url"
	"strings"

	"chatmembers/backend/chat"
)

// headerNames maps a column name, normalised by headerKey, to its column. Names a person may
// give in English or Russian; anything else is an ignored column.
var headerNames = func() map[string]Column {
	m := map[string]Column{}
	for col, names := range map[Column][]string{
		ColPerson: {"email", "e mail", "mail", "email address", "e mail address", "address", "person", "people",
			"member", "members", "user", "users", "member email", "user email", "person email", "who", "login",
			"почта", "электронная почта", "эл почта", "адрес", "адрес почты", "email адрес", "e mail адрес",
			"человек", "люди", "участник", "участники", "пользователь", "пользователи", "сотрудник", "сотрудники", "кто"},
		ColGroup: {"group", "groups", "group email", "group address", "google group", "группа", "группы", "адрес группы", "группа google"},
		ColSpace: {"space", "spaces", "space name", "space link", "space url", "space id", "link", "url", "chat", "chat space",
			"room", "чат", "чаты", "пространство", "название чата", "название пространства", "ссылка", "ссылка на чат",
			"комната"},
		ColRole: {"role", "roles", "member role", "permission", "роль", "роли", "права", "доступ"},
	} {
		for _, n := range names {
			m[n] = col
		}
	}
	return m
}()

// headerKey normalises a header cell: lower case, no invisible characters, "_", "-" and "."
// as spaces, runs of spaces collapsed, trailing ":" or "*" dropped.
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimFunc(s, invisible))
	s = strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.', '\u00a0':
			return ' '
		case 'ё':
			return 'е'
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ":* ")
}

// header reads the first row as column names when at least one of its cells is a known name
// and none of them is data (an address or a space reference).
func header(cells []string) ([]Column, bool) {
	cols := make([]Column, len(cells))
	known := false
	for i, c := range cells {
		v := strings.TrimFunc(c, invisible)
		if looksLikeAddress(v) || looksLikeSpaceRef(v) {
			return nil, false
		}
		col, ok := headerNames[headerKey(v)]
		if ok && !taken(cols[:i], col) {
			cols[i] = col
			// "member" (участник) names a column of people, and is also a role: a row whose only
			// column names are role words is more likely data ("Team A,member").
			known = known || !isRole(v)
		}
	}
	return cols, known
}

func taken(cols []Column, c Column) bool {
	for _, x := range cols {
		if x == c {
			return true
		}
	}
	return false
}

func looksLikeAddress(v string) bool {
	if g, ok := cutGroupPrefix(v); ok {
		v = g
	}
	return strings.Contains(v, "@") || strings.HasPrefix(v, "users/") || strings.HasPrefix(v, "groups/")
}

func looksLikeSpaceRef(v string) bool {
	return strings.HasPrefix(v, "spaces/") || strings.HasPrefix(strings.ToLower(v), "https://") || strings.HasPrefix(strings.ToLower(v), "http://")
}

// guess tells the columns of a table without a header by their content: the column with the
// most addresses is the person column, the one with the most space links or resource names (or
// else the one with the most other text) the space column, the one with the most role words the
// role column.
func guess(rows [][]string) []Column {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	addr, space, role, text := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	for _, r := range rows {
		for i, c := range r {
			v := strings.TrimFunc(c, invisible)
			switch {
			case v == "":
			case looksLikeAddress(v):
				addr[i]++
			case looksLikeSpaceRef(v):
				space[i]++
			case isRole(v):
				role[i]++
			default:
				text[i]++
			}
		}
	}
	cols := make([]Column, n)
	pick := func(counts []int, col Column) bool {
		best := -1
		for i, c := range counts {
			if c > 0 && cols[i] == ColIgnored && (best < 0 || c > counts[best]) {
				best = i
			}
		}
		if best >= 0 {
			cols[best] = col
		}
		return best >= 0
	}
	pick(addr, ColPerson)
	pick(role, ColRole)
	if !pick(space, ColSpace) {
		pick(text, ColSpace)
	}
	return cols
}

func isRole(v string) bool {
	_, err := ParseRole(v)
	return err == nil
}

var roleNames = map[string]chat.Role{
	"member": chat.RoleMember, "участник": chat.RoleMember, "role_member": chat.RoleMember,
	"manager": chat.RoleAssistantManager, "менеджер": chat.RoleAssistantManager, "role_assistant_manager": chat.RoleAssistantManager,
	"assistant manager": chat.RoleAssistantManager,
	"owner":             chat.RoleOwner, "владелец": chat.RoleOwner, "role_manager": chat.RoleOwner,
}

// ParseRole reads a role cell: member, manager or owner (any case, Russian too: участник,
// менеджер, владелец), or Google's names ROLE_MEMBER, ROLE_ASSISTANT_MANAGER (Manager) and
// ROLE_MANAGER (Owner). An unknown word is table.bad_role.
func ParseRole(cell string) (chat.Role, error) {
	v := strings.ToLower(strings.Join(strings.Fields(strings.TrimFunc(cell, invisible)), " "))
	v = strings.ReplaceAll(v, "ё", "е")
	if r, ok := roleNames[v]; ok {
		return r, nil
	}
	return "", probBadRole.With("role", clip(cell, 60))
}

// ParseSpace reads a space cell: the resource name "spaces/ID" (checked by
// chat.ValidateSpaceName, so "spaces/A/../B" is refused), a Chat link
// (https://chat.google.com/room/ID, https://mail.google.com/chat/u/0/#chat/space/ID, the same
// under /mail/), which gives name; anything else is a display name, returned as display for
// the caller to look up among the spaces.
func ParseSpace(cell string) (name, display string, err error) {
	v := strings.TrimFunc(cell, invisible)
	low := strings.ToLower(v)
	switch {
	case strings.HasPrefix(v, "spaces/"):
		if err := chat.ValidateSpaceName(v); err != nil {
			return "", "", err
		}
		return v, "", nil
	case strings.HasPrefix(low, "https://") || strings.HasPrefix(low, "http://"):
		id, ok := linkID(v)
		if !ok {
			return "", "", probBadLink.With("link", clip(v, 100))
		}
		if err := chat.ValidateSpaceName("spaces/" + id); err != nil {
			return "", "", err
		}
		return "spaces/" + id, "", nil
	}
	return "", v, nil
}

// linkID finds a space's id in a Google Chat link.
func linkID(link string) (string, bool) {
	u, err := url.Parse(link)
	if err != nil {
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	var rest string
	switch host {
	case "chat.google.com":
		// /room/ID, /u/1/room/ID, /room/ID?cls=7
		p := u.Path
		i := strings.Index(p, "/room/")
		if i < 0 {
			return "", false
		}
		rest = p[i+len("/room/"):]
	case "mail.google.com":
		// /chat/u/0/#chat/space/ID, /mail/u/0/#chat/space/ID (a thread follows as /ID/THREAD)
		f := u.Fragment
		i := strings.Index(f, "chat/space/")
		if i < 0 || !(strings.HasPrefix(u.Path, "/chat") || strings.HasPrefix(u.Path, "/mail")) {
			return "", false
		}
		rest = f[i+len("chat/space/"):]
	default:
		return "", false
	}
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	return rest, rest != ""
}

// detectDelimiter picks the delimiter that splits the first lines of sample into the most
// consistent number of cells: tab (a paste from a spreadsheet), semicolon (Excel where the
// decimal separator is a comma) or comma. Quoted text is skipped. A single column is read with
// commas.
func detectDelimiter(sample []byte) rune {
	best, bestScore := ',', 0
	for _, d := range []rune{'\t', ';', ','} {
		if s := delimScore(sample, byte(d)); s > bestScore {
			best, bestScore = d, s
		}
	}
	return best
}

// delimScore counts, over the first 20 lines, those whose number of delimiters equals the
// first line's (when that is not zero), weighted so a delimiter found on every line wins.
func delimScore(b []byte, d byte) int {
	quoted := false
	counts := []int{0}
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == d:
			counts[len(counts)-1]++
		case c == '\n':
			if len(counts) == 20 {
				goto done
			}
			counts = append(counts, 0)
		}
	}
done:
	if len(counts) > 1 && counts[len(counts)-1] == 0 {
		counts = counts[:len(counts)-1] // a last line cut off by the sample, or the final newline
	}
	if counts[0] == 0 {
		return 0
	}
	score := 0
	for _, c := range counts {
		if c == counts[0] {
			score += 2
		} else if c > 0 {
			score++
		}
	}
	return score
}
