// Package bulk holds what every part of a bulk job agrees on: one change to one space's
// membership (an Item). The input side (table, plan) produces Items, the runner (jobs) executes
// them through the scheduler and records them in the journal; each of those packages uses these
// types rather than its own copy.
package bulk

import "chatmembers/backend/chat"

// Op is what an item does to a space's membership.
type Op string

// Operations.
const (
	OpAdd     Op = "add"      // create a membership (person, group)
	OpRemove  Op = "remove"   // delete a membership
	OpSetRole Op = "set_role" // change a member's role
)

// Item is one change: Op on Member in Space. It is the unit the scheduler paces, the journal
// records before and after its call, and the user sees as a row of progress and history.
type Item struct {
	Op Op `json:"op"`
	// Space is the resource name, "spaces/AAAA".
	Space string `json:"space"`
	// Member is "users/{email}", "users/{id}" or "groups/{id}".
	Member string    `json:"member"`
	Kind   chat.Kind `json:"kind"`
	// Role is the role to give (OpAdd, OpSetRole); "" for Member.
	Role chat.Role `json:"role"`
}

// Key is what must never have two calls in flight at once: one member of one space.
func (it Item) Key() string { return it.Space + "|" + it.Member }
