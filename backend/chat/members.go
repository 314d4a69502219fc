package chat

import (
	"context"
	"strings"
	"time"

	chatapi "google.golang.org/api/chat/v1"

	"chatmembers/backend/problem"
)

// appMemberName is how the calling Chat app names itself.
const appMemberName = "users/app"

// AddPerson adds a person to a space. person is an email address (trimmed, its domain
// lower-cased), a numeric user id, or either in "users/..." form; every part is validated before
// any request. Someone already in the space is not an error: the result is their existing
// membership with AlreadyMember set. An invitee whose auto-accept is off comes back INVITED.
//
// Requests: the space comes from the cache that ListSpaces and GetSpace fill, else from one
// spaces.get (then cached, so a bulk add into one space costs one read in total). Knowing the
// space fills the Space* fields, refuses a direct message before writing anything, and explains
// a refusal of an outside person. Then one spaces.members.create, plus one spaces.members.get
// only when Google answers ALREADY_EXISTS. Each request is retried on transient failures
// (retry.go); a create whose earlier attempt may have gone through and whose retry meets
// ALREADY_EXISTS counts as done by this call, AlreadyMember false.
func (s *Service) AddPerson(ctx context.Context, space, person string) (Membership, error) {
	if err := ValidateSpaceName(space); err != nil {
		return Membership{}, err
	}
	name, email, err := PersonName(person)
	if err != nil {
		return Membership{}, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.knownSpace(ctx, space)
	if err != nil {
		return Membership{}, err
	}
	if sp.Type == TypeDirectMessage {
		return Membership{}, errDMAppOnly(sp)
	}
	return s.add(ctx, sp, name, MemberHuman, email, ScopeMemberships)
}

// AddApp adds the Chat app that Chat Members runs as (users/app) to a space; this needs the
// chat.memberships.app scope. It is the only member a direct message can take. Requests as in
// AddPerson.
func (s *Service) AddApp(ctx context.Context, space string) (Membership, error) {
	if err := ValidateSpaceName(space); err != nil {
		return Membership{}, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.knownSpace(ctx, space)
	if err != nil {
		return Membership{}, err
	}
	return s.add(ctx, sp, appMemberName, MemberBot, "", ScopeMembershipsApp)
}

func (s *Service) add(ctx context.Context, sp Space, memberName string, memberType MemberType, email, scope string) (Membership, error) {
	body := &chatapi.Membership{Member: &chatapi.User{Name: memberName, Type: string(memberType)}}
	start := time.Now()
	var m *chatapi.Membership
	// uncertain: an earlier attempt failed in a way that may have been carried out (its answer
	// was lost), so a 409 on a retry may be this call's own membership.
	uncertain := false
	err := s.retry.run(ctx, func() (err error) {
		m, err = s.api.Spaces.Members.Create(sp.Name, body).Context(ctx).Do()
		uncertain = uncertain || mayHaveApplied(err)
		return err
	})
	if err == nil {
		return fromAPIMembership(m, sp, email), nil
	}
	if isAlreadyExists(err) {
		out := s.existing(ctx, sp, memberName, memberType, email)
		if uncertain && !createdBefore(out.CreateTime, start) {
			// The person is there, most likely through this call's lost attempt: report the
			// add as done. A membership that Google dates well before this call was there
			// already, whatever happened to the attempts.
			out.AlreadyMember = false
		}
		return out, nil
	}
	p := toProblem(err, call{scope: scope, space: sp.Name})
	if p.Code == CodeSpaceNotFound && memberType == MemberHuman {
		// Google answers 404 both for a space the caller can't see and for a person it doesn't
		// know. The space was there a moment ago; ask once more (bypassing the cache) to tell.
		if _, gerr := s.GetSpace(ctx, sp.Name); gerr == nil {
			p = errPersonNotFound(memberName, email, p.Detail)
		} else if problem.CodeOf(gerr) != CodeSpaceNotFound {
			return Membership{}, gerr
		}
	}
	if p.Code == CodePermissionDenied && s.isOutsider(email) && !sp.ExternalUserAllowed {
		p = errExternal(email, sp, p.Detail)
	}
	return Membership{}, p
}

// existing fetches the membership that made Google answer ALREADY_EXISTS. If that read fails,
// the caller still learns the person is a member: what is known is returned, with State "".
func (s *Service) existing(ctx context.Context, sp Space, memberName string, memberType MemberType, email string) Membership {
	var m *chatapi.Membership
	err := s.retry.run(ctx, func() (err error) {
		m, err = s.api.Spaces.Members.Get(memberPath(sp.Name, memberName)).Context(ctx).Do()
		return err
	})
	var out Membership
	if err == nil && m != nil {
		out = fromAPIMembership(m, sp, email)
	} else {
		out = fromAPIMembership(&chatapi.Membership{Member: &chatapi.User{Name: memberName, Type: string(memberType)}}, sp, email)
	}
	out.AlreadyMember = true
	return out
}

// isOutsider reports whether email's domain differs from the signed-in user's. Unknown caller:
// false, as nothing can be told.
func (s *Service) isOutsider(email string) bool {
	if email == "" || s.callerEmail == "" {
		return false
	}
	return !strings.EqualFold(domainOf(email), domainOf(s.callerEmail))
}

func domainOf(email string) string {
	return email[strings.LastIndexByte(email, '@')+1:]
}

// fromAPIMembership maps Google's membership. email, when the person was added by address, fills
// Email if Google did not send it (responses name users canonically, users/123...).
func fromAPIMembership(m *chatapi.Membership, sp Space, email string) Membership {
	out := Membership{
		Name:             m.Name,
		State:            State(m.State),
		Role:             Role(m.Role),
		CreateTime:       m.CreateTime,
		SpaceName:        sp.Name,
		SpaceDisplayName: sp.DisplayName,
		SpaceURI:         sp.URI,
	}
	if u := m.Member; u != nil {
		out.MemberName = u.Name
		out.MemberType = MemberType(u.Type)
		out.DisplayName = u.DisplayName
		out.Email = u.Email
	}
	if out.Email == "" {
		out.Email = email
	}
	return out
}

func errDMAppOnly(sp Space) *problem.Problem {
	return probDMAppOnly.With("space", sp.Name).
		WithDetail("refused before sending: " + sp.Name + " is a DIRECT_MESSAGE")
}

func errPersonNotFound(memberName, email, detail string) *problem.Problem {
	who := email
	if email == "" {
		who = strings.TrimPrefix(memberName, "users/")
	}
	return probPersonNotFound.With("person", who).WithDetail(detail)
}

func errExternal(email string, sp Space, detail string) *problem.Problem {
	return probExternalNotAllowed.With("email", email).With("space", sp.Name).
		With("spaceName", sp.DisplayName).WithDetail(detail)
}
