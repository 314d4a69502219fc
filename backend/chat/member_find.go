package chat

import (
	"context"

	"chatmembers/backend/problem"
)

// FindMember reads whether member ("users/{email}", "users/{id}", an address, or "groups/{id}")
// is in space, with administrator access when admin. A bulk job resumed after a crash asks this
// for each row whose call was in flight: if the membership exists the row is done, else it is
// sent again, so nobody is added twice. found is false, with no error, when the space is there
// and the member is not.
//
// Requests: for a person, one spaces.members.get (the address works as the member's alias), and
// on 404 one spaces.get to tell "not a member" from "no such space"; for a group, the member list.
func (s *Service) FindMember(ctx context.Context, space, member string, admin bool) (m Member, found bool, err error) {
	if err := ValidateSpaceName(space); err != nil {
		return Member{}, false, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	if isGroupName(member) {
		list, err := s.ListMembers(ctx, space, ListMembersOptions{Admin: admin})
		if err != nil {
			return Member{}, false, err
		}
		for _, m := range list.Members {
			if m.MemberName == member {
				return m, true, nil
			}
		}
		return Member{}, false, nil
	}
	name, _, err := PersonName(member)
	if err != nil {
		return Member{}, false, err
	}
	sp, err := s.spaceFor(ctx, space, admin)
	if err != nil {
		return Member{}, false, err
	}
	m, err = s.getMember(ctx, sp, memberPath(sp.Name, name), admin)
	if problem.CodeOf(err) == CodeMemberGone {
		return Member{}, false, nil
	}
	if err != nil {
		return Member{}, false, err
	}
	return m, true, nil
}

func isGroupName(member string) bool {
	return len(member) > len("groups/") && member[:len("groups/")] == "groups/"
}
