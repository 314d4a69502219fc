// Package adding puts a list of people and Google Groups into one space with a role, each entry
// on its own: one outcome per entry (added, invited, already there, or why not), so one bad
// address never fails the others. A person is added with chat.AddMember (create, then a patch
// for a higher role; chat.AdminAddMember in administrator mode, Deps.Admin); an address Chat
// knows no person by is looked up as a Google Group (directory.LookupGroup) and added with
// chat.AddGroup. Groups have no role in a space: a role
// asked for one is said to be left out, not silently dropped.
package adding

import (
	"context"
	"strings"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
	"chatmembers/backend/directory"
	"chatmembers/backend/problem"
)

// As says what an entry was meant to be. AsAny (what the add form sends) tries a person, then a
// Google Group of that address; AsPerson and AsGroup refuse the other kind with a message that
// names it (directory.not_a_person, directory.not_a_group).
type As string

const (
	AsAny    As = ""
	AsPerson As = "person"
	AsGroup  As = "group"
)

// Entry is one person or group to add: Value is an address, "users/{id}" or "groups/{id}", as
// recipients.Parse normalised it.
type Entry struct {
	Value string
	As    As
}

// Auto makes entries of values that may be a person or a group.
func Auto(values []string) []Entry {
	out := make([]Entry, len(values))
	for i, v := range values {
		out[i] = Entry{Value: v}
	}
	return out
}

// MaxEntries is the most entries one Add takes; adding.too_many names it. Thousands belong to a
// bulk job, not to one click that blocks the form for an hour.
const MaxEntries = 500

// Timeout is a deadline for adding n entries: the requests of each (create, patch, lookups)
// with retries, and one permission page the person may have to answer on the way.
func Timeout(n int) time.Duration { return 5*time.Minute + time.Duration(n)*20*time.Second }

// Outcome is what happened to one entry.
type Outcome struct {
	// Entry is the value as it was given.
	Entry string `json:"entry"`
	// Kind is what the entry turned out to be (person or group); "" when it failed before
	// that was known.
	Kind chat.Kind `json:"kind"`
	// Membership is set when the entry is in the space (added, invited or there already).
	Membership *chat.Membership `json:"membership,omitempty"`
	// RequestedRole is the role asked for.
	RequestedRole chat.Role `json:"requestedRole"`
	// RoleProblem, with Membership, says why the member does not have RequestedRole: the patch
	// was refused or failed (they were added as Member), or the entry is a group (no role).
	RoleProblem *problem.Problem `json:"roleProblem,omitempty"`
	// Problem, without Membership, says why the entry was not added.
	Problem *problem.Problem `json:"problem,omitempty"`
}

// Deps are the services Add works through, authorised as the signed-in user.
type Deps struct {
	Chat      *chat.Service
	Directory *directory.Service
	// Ask asks the person for one more permission (a full scope URL) unless it is granted
	// already: incremental consent, the first time a group is looked up. nil asks nothing.
	Ask func(ctx context.Context, scope string) error
	// Admin adds with administrator access (chat.admin.memberships, administrator mode): people
	// by chat.AdminAddMember (the app and outsiders refused before sending, so an outside
	// group's address is too) and groups by chat.AddGroup asAdmin.
	Admin bool
}

// Add adds entries to space one after another (Google limits writes per space; the order of
// outcomes is the order of entries). The error is for the whole batch, before anything is sent:
// a bad space or role, no entries, too many.
func Add(ctx context.Context, d Deps, space string, entries []Entry, role chat.Role) ([]Outcome, error) {
	if err := chat.ValidateSpaceName(space); err != nil {
		return nil, err
	}
	if err := chat.ValidateRole(role); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, probNoEntries
	}
	if len(entries) > MaxEntries {
		return nil, probTooMany.WithDetail("refused before sending")
	}
	a := &adder{Deps: d, space: space, role: role}
	out := make([]Outcome, 0, len(entries))
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			// The deadline passed or the person left: what was not tried is said so, each one.
			out = append(out, Outcome{Entry: e.Value, RequestedRole: role, Problem: chat.ProblemOf(err, "")})
			continue
		}
		out = append(out, a.one(ctx, e))
	}
	return out, nil
}

type adder struct {
	Deps
	space string
	role  chat.Role
	// asked is the answer to the one request for the groups permission in this batch: a
	// refused or cancelled page is not shown again for every further group.
	asked    bool
	askedErr error
}

func (a *adder) one(ctx context.Context, e Entry) Outcome {
	v := strings.TrimSpace(e.Value)
	o := Outcome{Entry: e.Value, RequestedRole: a.role}
	fail := func(err error) Outcome {
		o.Problem = chat.ProblemOf(err, "")
		return o
	}
	if strings.HasPrefix(v, "groups/") {
		if e.As == AsPerson {
			return fail(directory.ErrGroupNotPerson(directory.Group{Name: v, Email: v}))
		}
		return a.addGroup(ctx, o, directory.Group{Name: v})
	}
	if e.As == AsGroup {
		g, err := a.lookup(ctx, v)
		if err != nil {
			return fail(err)
		}
		return a.addGroup(ctx, o, g)
	}
	addMember := a.Chat.AddMember
	if a.Admin {
		addMember = a.Chat.AdminAddMember
	}
	r, err := addMember(ctx, a.space, v, a.role)
	if err == nil {
		m := r.Membership
		o.Kind, o.Membership, o.RoleProblem = chat.KindPerson, &m, r.RoleProblem
		return o
	}
	if problem.CodeOf(err) != chat.CodePersonNotFound || !strings.Contains(v, "@") {
		return fail(err)
	}
	// Chat knows no person by this address: it may be a Google Group's.
	g, lerr := a.lookup(ctx, v)
	switch {
	case lerr == nil && e.As == AsPerson:
		return fail(directory.ErrGroupNotPerson(g))
	case lerr == nil:
		return a.addGroup(ctx, o, g)
	case e.As == AsAny && problem.CodeOf(lerr) == directory.CodeGroupNotFound:
		return fail(probNobody.With("email", v).WithDetail(chat.ProblemOf(err, "").Detail))
	case problem.CodeOf(lerr) == directory.CodeGroupNotFound || problem.CodeOf(lerr) == directory.CodeNotAGroup:
		return fail(err) // meant as a person, and not a group either: Chat's own answer
	default:
		return fail(lerr) // the lookup itself failed (permission refused, Google unreachable)
	}
}

// lookup finds a group by address, asking for the groups permission the first time.
func (a *adder) lookup(ctx context.Context, addr string) (directory.Group, error) {
	if a.Directory == nil {
		return directory.Group{}, problem.Internal(errNoDirectory)
	}
	if a.Ask != nil {
		if !a.asked {
			a.asked, a.askedErr = true, a.Ask(ctx, auth.ScopeGroupsReadonly)
		}
		if a.askedErr != nil {
			return directory.Group{}, a.askedErr
		}
	}
	return a.Directory.LookupGroup(ctx, addr)
}

func (a *adder) addGroup(ctx context.Context, o Outcome, g directory.Group) Outcome {
	m, err := a.Chat.AddGroup(ctx, a.space, g.Name, a.Admin)
	if err != nil {
		o.Problem = chat.ProblemOf(err, "")
		return o
	}
	if m.Email == "" {
		m.Email = g.Email
	}
	o.Kind, o.Membership = chat.KindGroup, &m
	if a.role != chat.RoleMember {
		o.RoleProblem = probGroupNoRole.With("group", label(g))
	}
	return o
}

func label(g directory.Group) string {
	if g.Email != "" {
		return g.Email
	}
	return g.Name
}
