package emulator

// Cloud Identity's groups.memberships.list, as the discovery document of cloudidentity v1
// describes it: GET /v1/groups/{group}/memberships?pageSize&pageToken&view, answering
// {memberships: [{name, preferredMemberKey: {id}, roles: [{name}], type}], nextPageToken}.
// People come first (in the group's order), then the groups nested in it, which are listed as
// members of type GROUP and not expanded, as Google does.

import (
	"net/http"
	"strconv"
	"time"
)

const (
	rpcListGroupMemberships = "google.apps.cloudidentity.groups.v1.MembershipsService.ListMemberships"
	// Page sizes of the discovery document: 200 by default and at most 1000 for BASIC, 50 and
	// 500 for FULL.
	membershipsBasicDefault = 200
	membershipsBasicMax     = 1000
	membershipsFullDefault  = 50
	membershipsFullMax      = 500
)

// membershipsEpoch is the demo groups' creation time, which FULL reports as createTime.
var membershipsEpoch = time.Date(2024, 1, 8, 9, 0, 0, 0, time.UTC)

type wireEntityKey struct {
	ID string `json:"id"`
}

type wireMembershipRole struct {
	Name string `json:"name"`
}

type wireGroupMembership struct {
	Name               string               `json:"name"`
	PreferredMemberKey wireEntityKey        `json:"preferredMemberKey"`
	Roles              []wireMembershipRole `json:"roles"`
	Type               string               `json:"type"`
	// FULL only.
	CreateTime      string `json:"createTime,omitempty"`
	UpdateTime      string `json:"updateTime,omitempty"`
	DeliverySetting string `json:"deliverySetting,omitempty"`
}

func (s *Server) groupsMembershipsList(w http.ResponseWriter, r *http.Request) {
	g, ok := s.apiAuth(w, r, "cloudidentity.googleapis.com", rpcListGroupMemberships,
		scopeGroupsReadonly, scopeGroups, scopeCloudPlatform)
	if !ok {
		return
	}
	q := r.URL.Query()
	full := false
	switch v := q.Get("view"); v {
	case "", "VIEW_UNSPECIFIED", "BASIC":
	case "FULL":
		full = true
	default:
		badRequest(w, "Invalid value at 'view' (type.googleapis.com/google.apps.cloudidentity.groups.v1.ListMembershipsRequest.View), \""+v+"\"")
		return
	}
	size, most := membershipsBasicDefault, membershipsBasicMax
	if full {
		size, most = membershipsFullDefault, membershipsFullMax
	}
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > most {
			// Google's wording for a page size over the bound is not documented.
			badRequest(w, "Request contains an invalid argument.")
			return
		}
		if n > 0 {
			size = n
		}
	}
	id := r.PathValue("group")
	parent := "groups/" + id
	fp := fingerprint("memberships", g.UserID, parent, strconv.FormatBool(full))
	offset, err := pageOffset(q, fp)
	if err != nil {
		badRequest(w, err.Error())
		return
	}

	s.mu.Lock()
	grp := s.chat.groups[id]
	if grp == nil {
		s.mu.Unlock()
		// Cloud Identity does not tell a group the caller may not see from one that does not
		// exist (as in groups.lookup for another customer's group).
		writeChatError(w, http.StatusForbidden, "PERMISSION_DENIED",
			"Error(2028): Permission denied for resource "+parent+" (or it may not exist).")
		return
	}
	all := make([]wireGroupMembership, 0, len(grp.MemberIDs)+len(grp.GroupIDs))
	member := []wireMembershipRole{{Name: "MEMBER"}}
	for _, uid := range grp.MemberIDs {
		if u := s.chat.users[uid]; u != nil {
			all = append(all, wireGroupMembership{Name: parent + "/memberships/" + uid,
				PreferredMemberKey: wireEntityKey{ID: u.Email}, Roles: member, Type: "USER"})
		}
	}
	for _, nid := range grp.GroupIDs {
		if n := s.chat.groups[nid]; n != nil {
			all = append(all, wireGroupMembership{Name: parent + "/memberships/" + nid,
				PreferredMemberKey: wireEntityKey{ID: n.Email}, Roles: member, Type: "GROUP"})
		}
	}
	s.mu.Unlock()

	items, next := page(all, offset, size, fp)
	if full {
		at := membershipsEpoch.Format(time.RFC3339Nano)
		for i := range items {
			items[i].CreateTime, items[i].UpdateTime, items[i].DeliverySetting = at, at, "ALL_MAIL"
		}
	}
	writeChatJSON(w, http.StatusOK, struct {
		Memberships   []wireGroupMembership `json:"memberships,omitempty"`
		NextPageToken string                `json:"nextPageToken,omitempty"`
	}{items, next})
}
