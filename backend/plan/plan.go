// Package plan is the preview of a bulk job and the plan of a sync: what will be sent, row by
// row, decided from what is already known (the spaces, their member lists, the user's domain)
// before anything is sent. It makes bulk.Items for the runner; it sends nothing itself.
//
// Exported entry points, for the app to bind:
//   - Check(records, Context) Preview: one Row per record of a table (package table) with its
//     Verdict (ready, invalid, duplicate of row N, already a member, already invited, outside
//     the organisation where the space does not allow it) and the counts per verdict.
//   - Cross(spaces, people, role, Context) Preview: the same for spaces ticked in the list times
//     people typed as chips (recipients.Parse); CrossRecords gives its records.
//   - SpacesNeeded and GroupsNeeded: the member lists and group look-ups (directory.LookupGroup)
//     Check needs, so the caller fetches exactly those first.
//   - Sync(space, members, records, SyncOptions) SyncPlan: who is added, removed, whose role
//     changes and who is kept, to make a space's membership match a list; with the problems
//     the user must see before confirming (a plan that empties the space, unreadable rows).
package plan

import (
	"strconv"
	"strings"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
	"chatmembers/backend/recipients"
	"chatmembers/backend/table"
)

// Verdict is what will happen to a row.
type Verdict string

// Verdicts. Only Ready rows are sent.
const (
	Ready          Verdict = "ready"
	Invalid        Verdict = "invalid"
	Duplicate      Verdict = "duplicate"
	AlreadyMember  Verdict = "already_member"
	AlreadyInvited Verdict = "already_invited"
	Outside        Verdict = "outside"
)

// Row is one record's verdict.
type Row struct {
	// Row is the record's row in the table (table.Record.Row), or its position in Cross.
	Row int `json:"row"`
	// Item is what will be sent when Verdict is Ready (as far as it is known otherwise).
	Item bulk.Item `json:"item"`
	// Who is the person or group as the user wrote it, for the preview.
	Who string `json:"who"`
	// SpaceName is the space's display name (or what the row said, if no space was found).
	SpaceName string  `json:"spaceName"`
	Verdict   Verdict `json:"verdict"`
	// Problem is why the row is not Ready: a coded problem with a sentence for the user.
	Problem *problem.Problem `json:"problem,omitempty"`
	// DuplicateOf is the Row of the first row with the same person and space.
	DuplicateOf int `json:"duplicateOf,omitempty"`
	// Current is the member's role and state when they are already in the space.
	CurrentRole  chat.Role  `json:"currentRole,omitempty"`
	CurrentState chat.State `json:"currentState,omitempty"`
	// AskedRole is the role the row itself gave ("" when none: Item.Role is then the default).
	AskedRole chat.Role `json:"askedRole,omitempty"`
	// Note is a remark on a Ready row (a role asked for a group, which has none).
	Note *problem.Problem `json:"note,omitempty"`
}

// Counts are the rows per verdict, for the header of the preview.
type Counts struct {
	Total          int `json:"total"`
	Ready          int `json:"ready"`
	Invalid        int `json:"invalid"`
	Duplicate      int `json:"duplicate"`
	AlreadyMember  int `json:"alreadyMember"`
	AlreadyInvited int `json:"alreadyInvited"`
	Outside        int `json:"outside"`
}

// Preview is every row with its verdict.
type Preview struct {
	Rows   []Row  `json:"rows"`
	Counts Counts `json:"counts"`
}

// Items are the Ready rows' items, in row order: what the runner is given on confirmation.
func (p Preview) Items() []bulk.Item {
	var out []bulk.Item
	for _, r := range p.Rows {
		if r.Verdict == Ready {
			out = append(out, r.Item)
		}
	}
	return out
}

// Context is what is known before sending.
type Context struct {
	// Spaces are the user's spaces (chat.ListSpaces): names are looked up here, and each space's
	// type and ExternalUserAllowed decide what may be added.
	Spaces []chat.Space
	// Members are the member lists (chat.ListMembers' Members) by space resource name. A space
	// without a list is not checked for members already there (the runner meets them as 409).
	Members map[string][]chat.Member
	// Domain is the signed-in user's email domain: a person of another domain is outside.
	// "" checks nobody.
	Domain string
	// Groups maps a Google Group's address (lower case) to its resource name "groups/{id}",
	// as directory.LookupGroup found it. An address in a person column that is a key here is
	// taken as that group.
	Groups map[string]string
	// Role is the role for rows that give none; "" is member.
	Role chat.Role
	// Space is the space (resource name) for rows that name none, as when a list is checked
	// for one space chosen in the app; "" leaves such rows invalid.
	Space string
}

// spaceIndex finds spaces by resource name and by display name.
type spaceIndex struct {
	byName    map[string]chat.Space
	byDisplay map[string][]chat.Space // exact display name
	byFolded  map[string][]chat.Space // lower case, spaces collapsed
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func newSpaceIndex(spaces []chat.Space) spaceIndex {
	ix := spaceIndex{byName: map[string]chat.Space{}, byDisplay: map[string][]chat.Space{}, byFolded: map[string][]chat.Space{}}
	for _, s := range spaces {
		if _, dup := ix.byName[s.Name]; dup {
			continue
		}
		ix.byName[s.Name] = s
		if s.DisplayName != "" {
			ix.byDisplay[s.DisplayName] = append(ix.byDisplay[s.DisplayName], s)
			f := fold(s.DisplayName)
			ix.byFolded[f] = append(ix.byFolded[f], s)
		}
	}
	return ix
}

// find resolves a record's space: by resource name, else by display name (exactly, else
// ignoring case and runs of spaces), else the default.
func (ix spaceIndex) find(name, display, def string, row string) (chat.Space, *problem.Problem) {
	switch {
	case name != "":
		if s, ok := ix.byName[name]; ok {
			return s, nil
		}
		return chat.Space{Name: name}, probSpaceUnknown.With("row", row).With("space", name)
	case display != "":
		found := ix.byDisplay[display]
		if len(found) == 0 {
			found = ix.byFolded[fold(display)]
		}
		switch len(found) {
		case 0:
			return chat.Space{DisplayName: display}, probSpaceUnknown.With("row", row).With("space", display)
		case 1:
			return found[0], nil
		}
		return chat.Space{DisplayName: display}, probSpaceAmbiguous.With("row", row).With("space", display).
			With("count", strconv.Itoa(len(found)))
	case def != "":
		return ix.find(def, "", "", row)
	}
	return chat.Space{}, probNoSpace.With("row", row)
}

// memberIndex finds a space's members by address (lower case) and by member name.
type memberIndex struct {
	byEmail map[string]*chat.Member
	byName  map[string]*chat.Member
}

func newMemberIndex(ms []chat.Member) memberIndex {
	ix := memberIndex{byEmail: make(map[string]*chat.Member, len(ms)), byName: make(map[string]*chat.Member, len(ms))}
	for i := range ms {
		m := &ms[i]
		if m.Email != "" {
			ix.byEmail[strings.ToLower(m.Email)] = m
		}
		ix.byName[m.MemberName] = m
	}
	return ix
}

// find finds the member an item names: by address for "users/{email}", by member name for
// "users/{id}" and "groups/{id}".
func (ix memberIndex) find(member string) *chat.Member {
	if m, ok := ix.byName[member]; ok {
		return m
	}
	if e, ok := strings.CutPrefix(member, "users/"); ok && strings.Contains(e, "@") {
		return ix.byEmail[strings.ToLower(e)]
	}
	return nil
}

// SpacesNeeded lists the resource names of the spaces the records name (by name, link or
// display name found among spaces, or def for rows that name none), for the caller to fetch
// their member lists before Check.
func SpacesNeeded(records []table.Record, spaces []chat.Space, def string) []string {
	ix := newSpaceIndex(spaces)
	seen := map[string]bool{}
	var out []string
	for _, r := range records {
		if r.Problem != nil {
			continue
		}
		s, p := ix.find(r.Space, r.SpaceName, def, "")
		if p == nil && !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s.Name)
		}
	}
	return out
}

// GroupsNeeded lists the addresses (lower case) of the groups the records name by address, for
// the caller to look up (directory.LookupGroup) and pass as Context.Groups.
func GroupsNeeded(records []table.Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range records {
		if r.Problem == nil && r.Kind == chat.KindGroup && r.Member == "" && r.Email != "" {
			e := strings.ToLower(r.Email)
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// checker holds what Check works from.
type checker struct {
	c       Context
	spaces  spaceIndex
	members map[string]memberIndex
}

func newChecker(c Context) *checker {
	k := &checker{c: c, spaces: newSpaceIndex(c.Spaces), members: make(map[string]memberIndex, len(c.Members))}
	for s, ms := range c.Members {
		k.members[s] = newMemberIndex(ms)
	}
	return k
}

// Check gives each record its verdict. A record is Invalid when table refused it or its space
// or group can't be found (or can't take it); else a Duplicate when an earlier row has the same
// person and space; else AlreadyMember or AlreadyInvited when the space's member list has them;
// else Outside when a person of another domain than Context.Domain is for a space that only
// allows the organisation; else Ready.
func Check(records []table.Record, c Context) Preview {
	k := newChecker(c)
	pv := Preview{Rows: make([]Row, 0, len(records))}
	first := make(map[string]int, len(records))
	for _, rec := range records {
		row := k.row(rec)
		if row.Verdict == "" {
			key := dupKey(row.Item)
			if n, ok := first[key]; ok {
				row.Verdict, row.DuplicateOf = Duplicate, n
				row.Problem = probDuplicate.With("row", strconv.Itoa(rec.Row)).With("first", strconv.Itoa(n))
			} else {
				first[key] = rec.Row
				k.against(&row)
			}
		}
		pv.Rows = append(pv.Rows, row)
	}
	pv.Counts = count(pv.Rows)
	return pv
}

// dupKey is the item's key with an address in lower case: Google Workspace addresses don't
// tell case apart, so "Jane@" and "jane@" are one person.
func dupKey(it bulk.Item) string {
	if strings.HasPrefix(it.Member, "users/") && strings.Contains(it.Member, "@") {
		it.Member = strings.ToLower(it.Member)
	}
	return it.Key()
}

// row builds a record's item, or its Invalid verdict.
func (k *checker) row(rec table.Record) Row {
	rowNo := strconv.Itoa(rec.Row)
	out := Row{Row: rec.Row, Who: who(rec), SpaceName: rec.SpaceName, AskedRole: rec.Role}
	if out.SpaceName == "" {
		out.SpaceName = rec.Space
	}
	invalid := func(p *problem.Problem) Row {
		out.Verdict, out.Problem = Invalid, p
		return out
	}
	if rec.Problem != nil {
		return invalid(rec.Problem)
	}
	sp, p := k.spaces.find(rec.Space, rec.SpaceName, k.c.Space, rowNo)
	if sp.DisplayName != "" {
		out.SpaceName = sp.DisplayName
	}
	out.Item.Space = sp.Name
	if p != nil {
		return invalid(p)
	}
	kind, member := rec.Kind, rec.Member
	if g, ok := k.c.Groups[strings.ToLower(rec.Email)]; ok && rec.Email != "" {
		kind, member = chat.KindGroup, g
	} else if kind == chat.KindGroup && member == "" {
		out.Item.Kind = kind
		return invalid(probGroupUnresolved.With("row", rowNo).With("group", rec.Email))
	}
	out.Item = bulk.Item{Op: bulk.OpAdd, Space: sp.Name, Member: member, Kind: kind}
	label := spaceLabel(sp)
	switch {
	case sp.Type == chat.TypeDirectMessage:
		return invalid(probDirectMessage.With("row", rowNo).With("space", label))
	case kind == chat.KindGroup && sp.Type != chat.TypeSpace && sp.Type != "":
		return invalid(probGroupSpaceOnly.With("row", rowNo).With("space", label))
	}
	if kind == chat.KindGroup {
		if rec.Role != "" && rec.Role != chat.RoleMember {
			out.Note = probGroupNoRole.With("row", rowNo)
		}
	} else {
		out.Item.Role = firstRole(rec.Role, k.c.Role, chat.RoleMember)
	}
	return out
}

func firstRole(rs ...chat.Role) chat.Role {
	for _, r := range rs {
		if r != "" {
			return r
		}
	}
	return ""
}

// against checks a row that is valid and not a duplicate against the space's members and
// the organisation.
func (k *checker) against(row *Row) {
	rowNo := strconv.Itoa(row.Row)
	sp := k.spaces.byName[row.Item.Space]
	label := spaceLabel(sp)
	if ix, ok := k.members[row.Item.Space]; ok {
		if m := ix.find(row.Item.Member); m != nil {
			row.CurrentRole, row.CurrentState = m.Role, m.State
			if m.State == chat.StateInvited {
				row.Verdict, row.Problem = AlreadyInvited, probAlreadyInvited.With("row", rowNo).With("who", row.Who).With("space", label)
			} else {
				row.Verdict, row.Problem = AlreadyMember, probAlreadyMember.With("row", rowNo).With("who", row.Who).With("space", label)
			}
			return
		}
	}
	if k.outside(row.Item, sp) {
		row.Verdict, row.Problem = Outside, probOutside.With("row", rowNo).With("who", row.Who).With("space", label)
		return
	}
	row.Verdict = Ready
}

// outside: a person given by address, of another domain than the user's, for a space that
// allows only the organisation.
func (k *checker) outside(it bulk.Item, sp chat.Space) bool {
	if k.c.Domain == "" || it.Kind != chat.KindPerson || sp.ExternalUserAllowed {
		return false
	}
	e, ok := strings.CutPrefix(it.Member, "users/")
	at := strings.LastIndexByte(e, '@')
	if !ok || at < 0 {
		return false
	}
	return !strings.EqualFold(e[at+1:], k.c.Domain)
}

func spaceLabel(sp chat.Space) string {
	if sp.DisplayName != "" {
		return sp.DisplayName
	}
	return sp.Name
}

// who is the person or group as the preview names it.
func who(r table.Record) string {
	switch {
	case r.Email != "":
		return r.Email
	case r.Member != "":
		return r.Member
	}
	for _, c := range r.Cells {
		if c = strings.TrimSpace(c); c != "" {
			return c
		}
	}
	return ""
}

func count(rows []Row) Counts {
	c := Counts{Total: len(rows)}
	for _, r := range rows {
		switch r.Verdict {
		case Ready:
			c.Ready++
		case Invalid:
			c.Invalid++
		case Duplicate:
			c.Duplicate++
		case AlreadyMember:
			c.AlreadyMember++
		case AlreadyInvited:
			c.AlreadyInvited++
		case Outside:
			c.Outside++
		}
	}
	return c
}

// CrossRecords makes the records of spaces (resource names, as ticked in the list) times
// people (the add form's chips, as recipients.Parse checked them), space by space, numbered from
// 1. role applies to every record. An entry "groups/{id}" is a group; an address that is a key
// of Context.Groups becomes that group in Check.
func CrossRecords(spaces []string, people []recipients.Entry, role chat.Role) []table.Record {
	one := table.FromRecipients(people)
	out := make([]table.Record, 0, len(spaces)*len(people))
	for _, s := range spaces {
		for _, r := range one {
			r.Row, r.Space, r.Role = len(out)+1, s, role
			r.Cells = []string{r.Cells[0], s}
			out = append(out, r)
		}
	}
	return out
}

// Cross is Check of CrossRecords: people × spaces, with the same verdicts as a table.
func Cross(spaces []string, people []recipients.Entry, role chat.Role, c Context) Preview {
	return Check(CrossRecords(spaces, people, role), c)
}

// Enums lists this package's enums for Wails' EnumBind, as chat.Enums does.
func Enums() []any {
	return []any{
		[]chat.Enum[Verdict]{en(Ready, "READY"), en(Invalid, "INVALID"), en(Duplicate, "DUPLICATE"),
			en(AlreadyMember, "ALREADY_MEMBER"), en(AlreadyInvited, "ALREADY_INVITED"), en(Outside, "OUTSIDE")},
		[]chat.Enum[Keep]{en(KeepListed, "LISTED"), en(KeepSelf, "SELF"), en(KeepApp, "APP"),
			en(KeepManager, "MANAGER"), en(KeepUnmatched, "UNMATCHED")},
	}
}

func en[T ~string](v T, ts string) chat.Enum[T] { return chat.Enum[T]{Value: v, TSName: ts} }
