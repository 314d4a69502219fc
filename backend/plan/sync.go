package plan

import (
	"slices"
	"strconv"
	"strings"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
	"chatmembers/backend/table"
)

// SyncOptions say what a sync may touch besides ordinary members. The zero value is the safe
// one: the user, Chat apps, owners and managers are kept.
type SyncOptions struct {
	// IncludeSelf lets the plan remove the user or change their role.
	IncludeSelf bool `json:"includeSelf"`
	// IncludeApps lets the plan remove Chat apps that are not on the list (a list names no apps).
	IncludeApps bool `json:"includeApps"`
	// IncludeManagers lets the plan remove owners and managers not on the list, and lower the
	// role of those the list gives a lower one.
	IncludeManagers bool `json:"includeManagers"`
	// Role is the role of people the list gives none to, when they are added; "" is member.
	// People already in the space whose row gives no role keep theirs.
	Role chat.Role `json:"role"`
	// Domain and Groups as in Context: outsiders for a space that allows only the
	// organisation can't be added, and group addresses are looked up first.
	Domain string            `json:"domain"`
	Groups map[string]string `json:"groups"`
}

// Keep is why a member stays.
type Keep string

// Reasons to keep a member.
const (
	KeepListed    Keep = "listed"    // on the list, with the role they have
	KeepSelf      Keep = "self"      // the user
	KeepApp       Keep = "app"       // a Chat app
	KeepManager   Keep = "manager"   // an owner or manager (IncludeManagers off)
	KeepUnmatched Keep = "unmatched" // an invitee Google shows no address of: can't be told from the list
)

// Change is one line of a sync plan.
type Change struct {
	// Item is what will be sent (Op "" for a member kept).
	Item bulk.Item `json:"item"`
	// Member is the current membership (zero for an add).
	Member chat.Member `json:"member"`
	// Row is the list's row that asks for it (0 for a removal or a member kept unlisted).
	Row int `json:"row,omitempty"`
	// Why is set on members kept.
	Why Keep `json:"why,omitempty"`
	// Wanted is the role the list asked for a member who keeps theirs (a manager the list
	// would lower, with IncludeManagers off).
	Wanted chat.Role `json:"wanted,omitempty"`
}

// SyncPlan is what a sync will do to one space.
type SyncPlan struct {
	Space   string   `json:"space"`
	Add     []Change `json:"add"`
	Remove  []Change `json:"remove"`
	SetRole []Change `json:"setRole"`
	Keep    []Change `json:"keep"`
	// Rejected are the list's rows that can't be used (invalid, duplicates, outsiders), with
	// their verdicts as Check gives them.
	Rejected []Row `json:"rejected"`
	// Warnings must be shown before the user confirms: plan.removes_everyone or
	// plan.removes_all_but_you (the list matches nobody who would stay), plan.list_has_invalid,
	// plan.unmatched_kept.
	Warnings []*problem.Problem `json:"warnings"`
}

// Items are what the runner is given on confirmation: the adds first, then role changes, then
// removals, so the space is never emptier than it needs to be on the way.
func (p SyncPlan) Items() []bulk.Item {
	out := make([]bulk.Item, 0, len(p.Add)+len(p.SetRole)+len(p.Remove))
	for _, l := range [][]Change{p.Add, p.SetRole, p.Remove} {
		for _, c := range l {
			out = append(out, c.Item)
		}
	}
	return out
}

// Sync plans how to make space's membership match records (a list read by package table, or
// built from a Google Group's members); members is the space's current member list
// (chat.ListMembers). A person on the list matches a member by address or user id, a group
// by its groups/{id}. Listed members stay (with a role change when their row names another
// role; groups have none); members not on the list are removed, except the user, Chat apps and
// owners and managers unless opts include them, and invitees whose address Google does not show.
// Nothing is sent.
func Sync(space chat.Space, members []chat.Member, records []table.Record, opts SyncOptions) SyncPlan {
	out := SyncPlan{Space: space.Name, Add: []Change{}, Remove: []Change{}, SetRole: []Change{}, Keep: []Change{},
		Rejected: []Row{}, Warnings: []*problem.Problem{}}
	// Check the list against the space with no member list: that gives each row its item, or why
	// it can't be used, and the duplicates.
	pv := Check(records, Context{Spaces: []chat.Space{space}, Space: space.Name, Domain: opts.Domain,
		Groups: opts.Groups, Role: ""})
	ix := newMemberIndex(members)
	listed := map[*chat.Member]bool{}
	invalid := 0
	for _, r := range pv.Rows {
		if r.Item.Space != space.Name && r.Verdict != Invalid {
			r.Verdict, r.Problem = Invalid, probSpaceUnknown.With("row", strconv.Itoa(r.Row)).With("space", r.SpaceName)
		}
		if r.Verdict != Ready && r.Verdict != Outside {
			if r.Verdict == Invalid {
				invalid++
			}
			out.Rejected = append(out.Rejected, r)
			continue
		}
		m := ix.find(r.Item.Member)
		if m == nil {
			if r.Verdict == Outside {
				out.Rejected = append(out.Rejected, r)
				continue
			}
			it := r.Item
			it.Role = firstRole(r.AskedRole, opts.Role, chat.RoleMember)
			if it.Kind == chat.KindGroup {
				it.Role = ""
			}
			out.Add = append(out.Add, Change{Item: it, Row: r.Row})
			continue
		}
		if listed[m] {
			continue // the same member named twice (by address and by id)
		}
		listed[m] = true
		want := r.AskedRole
		if r.Item.Kind == chat.KindGroup {
			want = ""
		}
		c := Change{Member: *m, Row: r.Row, Why: KeepListed}
		switch {
		case want == "" || want == m.Role || m.Kind != chat.KindPerson || m.State != chat.StateJoined || space.Type != chat.TypeSpace:
			out.Keep = append(out.Keep, c)
		case m.Me && !opts.IncludeSelf:
			c.Why, c.Wanted = KeepSelf, want
			out.Keep = append(out.Keep, c)
		case isManager(m.Role) && rank(want) > rank(m.Role) && !opts.IncludeManagers:
			c.Why, c.Wanted = KeepManager, want
			out.Keep = append(out.Keep, c)
		default:
			c.Why = ""
			c.Item = bulk.Item{Op: bulk.OpSetRole, Space: space.Name, Member: m.MemberName, Kind: m.Kind, Role: want}
			out.SetRole = append(out.SetRole, c)
		}
	}
	unmatched := 0
	for i := range members {
		m := &members[i]
		if listed[m] {
			continue
		}
		c := Change{Member: *m}
		switch {
		case m.Me && !opts.IncludeSelf:
			c.Why = KeepSelf
		case m.Kind == chat.KindApp && !opts.IncludeApps:
			c.Why = KeepApp
		case isManager(m.Role) && !opts.IncludeManagers:
			c.Why = KeepManager
		case m.Kind == chat.KindPerson && m.Email == "" && !strings.Contains(m.MemberName, "@"):
			// Google shows no address for people invited who haven't joined: the list, which names
			// people by address, can't say whether they belong.
			c.Why = KeepUnmatched
			unmatched++
		}
		if c.Why != "" {
			out.Keep = append(out.Keep, c)
			continue
		}
		c.Item = bulk.Item{Op: bulk.OpRemove, Space: space.Name, Member: m.MemberName, Kind: m.Kind}
		out.Remove = append(out.Remove, c)
	}
	label := spaceLabel(space)
	if len(out.Remove) > 0 {
		// Every current member but the user (and apps) goes: the list matches nobody in the
		// space, which is most likely the wrong list or the wrong space.
		staying, me := 0, false
		for _, c := range append(slices.Clone(out.Keep), out.SetRole...) {
			if c.Member.Name != "" && c.Member.Kind != chat.KindApp {
				staying++
				me = me || c.Member.Me
			}
		}
		n := strconv.Itoa(len(out.Remove))
		switch {
		case staying == 0:
			out.Warnings = append(out.Warnings, probRemovesEveryone.With("count", n).With("space", label))
		case me && staying == 1:
			out.Warnings = append(out.Warnings, probRemovesAllButYou.With("count", n).With("space", label))
		}
	}
	if invalid > 0 {
		out.Warnings = append(out.Warnings, probListHasInvalid.With("count", strconv.Itoa(invalid)))
	}
	if unmatched > 0 {
		out.Warnings = append(out.Warnings, probUnmatchedKept.With("count", strconv.Itoa(unmatched)))
	}
	return out
}

func isManager(r chat.Role) bool { return r == chat.RoleOwner || r == chat.RoleAssistantManager }

// rank orders roles from the highest (owner, 0) to member (2).
func rank(r chat.Role) int {
	switch r {
	case chat.RoleOwner:
		return 0
	case chat.RoleAssistantManager:
		return 1
	}
	return 2
}
