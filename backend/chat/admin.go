package chat

// Administrator access (useAdminAccess=true) and Google Group memberships.
//
// A Google Workspace administrator with the "manage Chat and spaces conversations" privilege
// can find every named space of the organisation (spaces.search) and list, add and remove its
// members without being a member, with the chat.admin.* scopes. Google refuses apps and people
// from outside the organisation through admin access; those are refused here before sending.

import (
	"context"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	chatapi "google.golang.org/api/chat/v1"

	"chatmembers/backend/problem"
)

// Problem codes of admin access and groups.
const (
	CodeNotAdmin         = "chat.not_admin"
	CodeInvalidSearch    = "chat.invalid_search"
	CodeInvalidPageToken = "chat.invalid_page_token"
	CodeInvalidGroup     = "chat.invalid_group"
	CodeGroupNamedSpaces = "chat.group_named_spaces_only"
	CodeAdminNoApps      = "chat.admin_no_apps"
	CodeAdminOutsider    = "chat.admin_outsider"
	CodeGroupUnknown     = "chat.group_unknown"
)

const (
	searchPageSize = 1000 // Google's maximum with admin access
	maxSearchText  = 200  // chat.invalid_search's fix (problems.go) names this number
	orgSpacesQuery = `customer = "customers/my_customer" AND spaceType = "SPACE"`
	// adminMemberFilter leaves apps out, as Google requires with admin access (it accepts
	// member.type = "HUMAN" or member.type != "BOT"); "!=" keeps Google Groups in the list.
	adminMemberFilter = `member.type != "BOT"`
)

var (
	groupNameRE = regexp.MustCompile(`^groups/[A-Za-z0-9]{1,64}$`)
	// pageTokenRE: Google's tokens are base64 text; they travel in the query string, escaped.
	pageTokenRE = regexp.MustCompile(`^[A-Za-z0-9_=+/.-]+$`)
)

// SpacePage is one page of spaces.search.
type SpacePage struct {
	Spaces []Space `json:"spaces"`
	// NextPageToken continues the search with the same text; "" on the last page.
	NextPageToken string `json:"nextPageToken"`
	// Total is Google's count of matches across pages (an estimate above 10,000).
	Total int `json:"total"`
}

// SearchSpaces finds, with admin access, the named spaces of the whole organisation whose name
// has the words of text (Google matches word starts, any case); "" finds every one. Up to 1,000
// per page; pass the previous page's NextPageToken with the same text for the next. Needs
// chat.admin.spaces.readonly. Problems: chat.invalid_search / chat.invalid_page_token before
// sending, chat.not_admin for an account without the privilege, chat.scope_missing.
func (s *Service) SearchSpaces(ctx context.Context, text, pageToken string) (SpacePage, error) {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) > maxSearchText || !utf8.ValidString(text) ||
		strings.IndexFunc(text, func(r rune) bool { return r == '"' || r == '\\' || unicode.IsControl(r) }) >= 0 {
		return SpacePage{}, probInvalidSearch.WithDetail("refused before sending: " + clip(text, 80))
	}
	if err := validPageToken(pageToken); err != nil {
		return SpacePage{}, err
	}
	q := orgSpacesQuery
	if text != "" {
		q += ` AND displayName:"` + text + `"`
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	req := s.api.Spaces.Search().UseAdminAccess(true).Query(q).PageSize(searchPageSize).Context(ctx)
	if pageToken != "" {
		req = req.PageToken(pageToken)
	}
	var resp *chatapi.SearchSpacesResponse
	err := s.retry.run(ctx, func() (err error) {
		resp, err = req.Do()
		return err
	})
	if err != nil {
		return SpacePage{}, adminProblem(err, call{scope: ScopeAdminSpacesReadonly})
	}
	out := SpacePage{Spaces: []Space{}, NextPageToken: resp.NextPageToken, Total: int(resp.TotalSize)}
	found := resp.Spaces
	if len(found) == 0 {
		for _, r := range resp.Results {
			if r != nil {
				found = append(found, r.Space)
			}
		}
	}
	for _, sp := range found {
		if sp != nil {
			out.Spaces = append(out.Spaces, fromAPISpace(sp))
		}
	}
	s.spaces.put(out.Spaces...)
	return out, nil
}

// AdminGetSpace reads any named space of the organisation with admin access
// (chat.admin.spaces.readonly).
func (s *Service) AdminGetSpace(ctx context.Context, name string) (Space, error) {
	if err := ValidateSpaceName(name); err != nil {
		return Space{}, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	var sp *chatapi.Space
	err := s.retry.run(ctx, func() (err error) {
		sp, err = s.api.Spaces.Get(name).UseAdminAccess(true).Context(ctx).Do()
		return err
	})
	if err != nil {
		return Space{}, adminProblem(err, call{scope: ScopeAdminSpacesReadonly, space: name})
	}
	out := fromAPISpace(sp)
	s.spaces.put(out)
	return out, nil
}

// AdminAddPerson adds a colleague to any named space of the organisation with admin access
// (chat.admin.memberships). person is as in AddPerson. Refused before sending: the app
// (chat.admin_no_apps) and, when the signed-in address is known (WithCallerEmail), an address
// of another domain (chat.admin_outsider). Already there: AlreadyMember, as in AddPerson.
func (s *Service) AdminAddPerson(ctx context.Context, space, person string) (Membership, error) {
	if err := ValidateSpaceName(space); err != nil {
		return Membership{}, err
	}
	if p := strings.TrimSpace(person); p == appMemberName || p == "app" {
		return Membership{}, errAdminNoApps()
	}
	name, email, err := PersonName(person)
	if err != nil {
		return Membership{}, err
	}
	if s.isOutsider(email) {
		return Membership{}, errAdminOutsider(email)
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	sp, err := s.adminSpace(ctx, space)
	if err != nil {
		return Membership{}, err
	}
	body := &chatapi.Membership{Member: &chatapi.User{Name: name, Type: string(MemberHuman)}}
	return s.createAs(ctx, sp, body, email, true, ScopeAdminMemberships)
}

// AddGroup adds a Google Group ("groups/…", from directory.LookupGroup) to a named space:
// everyone in the group becomes a member. asAdmin uses admin access (chat.admin.memberships)
// instead of the user's own (chat.memberships). A direct message or group chat is refused
// before sending (chat.group_named_spaces_only); a group already there comes back with
// AlreadyMember set.
func (s *Service) AddGroup(ctx context.Context, space, group string, asAdmin bool) (Membership, error) {
	if err := ValidateSpaceName(space); err != nil {
		return Membership{}, err
	}
	if !groupNameRE.MatchString(group) {
		return Membership{}, probInvalidGroup.WithDetail("refused before sending: " + clip(group, 80))
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	var sp Space
	var err error
	if asAdmin {
		sp, err = s.adminSpace(ctx, space)
	} else {
		sp, err = s.knownSpace(ctx, space)
	}
	if err != nil {
		return Membership{}, err
	}
	if sp.Type != TypeSpace {
		return Membership{}, probGroupNamedSpaces.With("space", sp.Name).
			WithDetail("refused before sending: " + sp.Name + " is a " + string(sp.Type))
	}
	scope := ScopeMemberships
	if asAdmin {
		scope = ScopeAdminMemberships
	}
	return s.createAs(ctx, sp, &chatapi.Membership{GroupMember: &chatapi.Group{Name: group}}, "", asAdmin, scope)
}

// createAs runs one spaces.members.create; 409 means the member is already there.
func (s *Service) createAs(ctx context.Context, sp Space, body *chatapi.Membership, email string, asAdmin bool, scope string) (Membership, error) {
	var m *chatapi.Membership
	err := s.retry.run(ctx, func() (err error) {
		req := s.api.Spaces.Members.Create(sp.Name, body).Context(ctx)
		if asAdmin {
			req = req.UseAdminAccess(true)
		}
		m, err = req.Do()
		return err
	})
	if err == nil {
		return fromAPIMembershipAny(m, sp, email), nil
	}
	if isAlreadyExists(err) {
		out := fromAPIMembershipAny(body, sp, email)
		out.AlreadyMember = true
		return out, nil
	}
	p := adminProblem(err, call{scope: scope, space: sp.Name})
	if p.Code == CodeSpaceNotFound {
		// Google answers 404 both for a space out of reach and for a member it doesn't know. The
		// space was there a moment ago; ask once more (bypassing the cache) to tell which.
		get := s.GetSpace
		if asAdmin {
			get = s.AdminGetSpace
		}
		if _, gerr := get(ctx, sp.Name); gerr != nil {
			return Membership{}, gerr
		}
		if g := body.GroupMember; g != nil {
			return Membership{}, probGroupUnknown.With("group", g.Name).WithDetail(p.Detail)
		}
		return Membership{}, errPersonNotFound(body.Member.Name, email, p.Detail)
	}
	return Membership{}, p
}

// spaceFor is the space a member call works in: from the cache, else read as the user or, with
// admin, with admin access (a space the administrator is not in).
func (s *Service) spaceFor(ctx context.Context, name string, admin bool) (Space, error) {
	if admin {
		return s.adminSpace(ctx, name)
	}
	return s.knownSpace(ctx, name)
}

// explain is toProblem for a call made as the user, adminProblem for one with admin access.
func explain(err error, c call, admin bool) *problem.Problem {
	if admin {
		return adminProblem(err, c)
	}
	return toProblem(err, c)
}

// adminSpace returns the space from the cache, or fetches it with admin access.
func (s *Service) adminSpace(ctx context.Context, name string) (Space, error) {
	if sp, ok := s.spaces.get(name); ok {
		return sp, nil
	}
	return s.AdminGetSpace(ctx, name)
}

// fromAPIMembershipAny maps a person's, app's or group's membership.
func fromAPIMembershipAny(m *chatapi.Membership, sp Space, email string) Membership {
	out := fromAPIMembership(m, sp, email)
	if g := m.GroupMember; g != nil && m.Member == nil {
		out.MemberName, out.MemberType = g.Name, MemberGroup
	}
	return out
}

// adminProblem is toProblem, except that a plain refusal of a request made with admin access
// means the account lacks the administrator privilege.
func adminProblem(err error, c call) *problem.Problem {
	p := toProblem(err, c)
	if p.Code == CodePermissionDenied && strings.HasPrefix(c.scope, "chat.admin.") {
		return probNotAdmin.WithDetail(p.Detail)
	}
	return p
}

func validPageToken(tok string) error {
	if tok == "" || len(tok) <= 2048 && pageTokenRE.MatchString(tok) {
		return nil
	}
	return probInvalidPageToken.WithDetail("refused before sending: bad page token")
}

func errAdminNoApps() *problem.Problem {
	return probAdminNoApps
}

func errAdminOutsider(email string) *problem.Problem {
	return probAdminOutsider.With("email", email)
}
