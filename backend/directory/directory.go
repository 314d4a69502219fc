// Package directory finds colleagues and Google Groups of the signed-in user's organisation:
// people by name or address through the People API (people.searchDirectoryPeople, scope
// directory.readonly), a group's id by its address and its members through Cloud Identity
// (groups.lookup and groups.memberships.list, scope cloud-identity.groups.readonly). It talks through the unmodified Google Go clients,
// validates every input before a request, retries and explains failures as backend/chat does
// (chat.Retrier, chat.ProblemOf), and does not know whether it talks to Google or the emulator.
package directory

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	cloudidentity "google.golang.org/api/cloudidentity/v1"
	"google.golang.org/api/googleapi"
	"google.golang.org/api/option"
	people "google.golang.org/api/people/v1"

	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
)

// Scopes (short names) the methods need; a missing one comes back as chat.scope_missing with
// Params["scope"] set to it, so the app can ask for exactly that one.
const (
	ScopeDirectoryReadonly = "directory.readonly"
	ScopeGroupsReadonly    = "cloud-identity.groups.readonly"
)

// Problem codes of this package (problems.go).
const (
	CodeEmptyQuery        = "directory.empty_query"
	CodeInvalidQuery      = "directory.invalid_query"
	CodeInvalidAddress    = "directory.invalid_address"
	CodeGroupNotFound     = "directory.group_not_found"
	CodeNotAGroup         = "directory.not_a_group"
	CodeNotAPerson        = "directory.not_a_person"
	CodeSearchRefused     = "directory.search_refused"
	CodeMemberUnsupported = "directory.member_unsupported"
)

const (
	// MaxQuery is the longest query sent, in characters: names and addresses are far shorter,
	// and a pasted paragraph is not a name. directory.invalid_query's fix names it.
	MaxQuery = 100
	// DefaultLimit and MaxLimit bound SearchPeople's limit (Google allows up to 500 a page).
	DefaultLimit = 10
	MaxLimit     = 500
)

// Service searches the directory as the user whose credentials the HTTP client carries.
type Service struct {
	people *people.Service
	groups *cloudidentity.Service
	retry  *chat.Retrier
}

// New builds a Service. httpClient must add the user's credentials (e.g. oauth2.NewClient).
// endpoint "" means Google's (people.googleapis.com and cloudidentity.googleapis.com); for the
// emulator pass srv.URL()+"/", which serves both.
func New(ctx context.Context, httpClient *http.Client, endpoint string) (*Service, error) {
	opts := []option.ClientOption{option.WithHTTPClient(httpClient)}
	if endpoint != "" {
		opts = append(opts, option.WithEndpoint(endpoint))
	}
	p, err := people.NewService(ctx, opts...)
	if err != nil {
		return nil, problem.Internal(err)
	}
	g, err := cloudidentity.NewService(ctx, opts...)
	if err != nil {
		return nil, problem.Internal(err)
	}
	return &Service{people: p, groups: g, retry: chat.NewRetrier(chat.RetryPolicy{})}, nil
}

// WithRetry returns a Service that retries by p, sharing the connections with s.
func (s *Service) WithRetry(p chat.RetryPolicy) *Service {
	c := *s
	c.retry = chat.NewRetrier(p)
	return &c
}

// Person is a colleague found in the directory.
type Person struct {
	// Name is the Chat user name, "users/123…": the directory id is the Chat user id, so it can
	// be passed to chat.Service.AddPerson as it is.
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	Email       string `json:"email"`
}

// Group is a Google Group found by its address.
type Group struct {
	// Name is the Cloud Identity resource name, "groups/abc…", as spaces.members.create's
	// groupMember takes it.
	Name  string `json:"name"`
	Email string `json:"email"`
}

// SearchPeople returns up to limit colleagues whose name or address starts with the words of
// query (Google's prefix match), in Google's order. limit <= 0 means DefaultLimit; more than
// MaxLimit is cut to MaxLimit. One request, retried on transient failures. Problems:
// directory.empty_query, directory.invalid_query before sending; chat.scope_missing
// (Params["scope"] = directory.readonly) when the permission was not granted;
// directory.search_refused when the organisation does not share its directory.
func (s *Service) SearchPeople(ctx context.Context, query string, limit int) ([]Person, error) {
	q, err := cleanQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	ctx, cancel := s.retry.Bound(ctx)
	defer cancel()
	var resp *people.SearchDirectoryPeopleResponse
	err = s.retry.Run(ctx, func() (err error) {
		resp, err = s.people.People.SearchDirectoryPeople().Query(q).
			ReadMask("names,emailAddresses").Sources("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE").
			PageSize(int64(limit)).Context(ctx).Do()
		return err
	})
	if err != nil {
		p := chat.ProblemOf(err, ScopeDirectoryReadonly)
		if p.Code == chat.CodePermissionDenied {
			p = probSearchRefused.WithDetail(p.Detail)
		}
		return nil, p
	}
	out := []Person{}
	for _, x := range resp.People {
		if p, ok := fromAPIPerson(x); ok && len(out) < limit {
			out = append(out, p)
		}
	}
	return out, nil
}

func fromAPIPerson(x *people.Person) (Person, bool) {
	id, ok := strings.CutPrefix(x.ResourceName, "people/")
	if !ok || id == "" || strings.Trim(id, "0123456789") != "" {
		return Person{}, false // not a directory profile with a numeric id Chat could take
	}
	p := Person{Name: "users/" + id}
	for _, n := range x.Names {
		if n != nil && n.DisplayName != "" {
			p.DisplayName = n.DisplayName
			break
		}
	}
	for _, e := range x.EmailAddresses {
		if e != nil && e.Value != "" {
			p.Email = e.Value
			break
		}
	}
	return p, true
}

// LookupGroup finds the Google Group with the address email (Cloud Identity groups.lookup).
// Problems: directory.invalid_address before sending; directory.not_a_group when the address
// belongs to a colleague (found through the directory, if that permission is granted);
// directory.group_not_found otherwise when Google knows no such group, or none visible to the
// user; chat.scope_missing (Params["scope"] = cloud-identity.groups.readonly).
func (s *Service) LookupGroup(ctx context.Context, email string) (Group, error) {
	addr, err := chat.NormalizeEmail(email)
	if err != nil {
		return Group{}, probInvalidAddress.With("email", clip(strings.TrimSpace(email)))
	}
	ctx, cancel := s.retry.Bound(ctx)
	defer cancel()
	var resp *cloudidentity.LookupGroupNameResponse
	err = s.retry.Run(ctx, func() (err error) {
		resp, err = s.groups.Groups.Lookup().GroupKeyId(addr).Context(ctx).Do()
		return err
	})
	if err == nil {
		if !strings.HasPrefix(resp.Name, "groups/") || len(resp.Name) == len("groups/") {
			return Group{}, chat.ProblemOf(errors.New("groups.lookup answered an unexpected name "+clip(resp.Name)), "")
		}
		return Group{Name: resp.Name, Email: addr}, nil
	}
	p := chat.ProblemOf(err, ScopeGroupsReadonly)
	var ge *googleapi.Error
	if p.Code == chat.CodeScopeMissing || !errors.As(err, &ge) || ge.Code != 403 && ge.Code != 404 {
		return Group{}, p
	}
	// 404: no group with this address in the organisation; 403: another organisation's group,
	// or none (Cloud Identity does not say which). A colleague's address is a common mix-up.
	if who, ok := s.personByEmail(ctx, addr); ok {
		return Group{}, probNotAGroup.With("email", addr).With("person", who.DisplayName).WithDetail(p.Detail)
	}
	return Group{}, probGroupNotFound.With("email", addr).WithDetail(p.Detail)
}

// personByEmail asks the directory, best effort, whether addr is a colleague's address.
func (s *Service) personByEmail(ctx context.Context, addr string) (Person, bool) {
	found, err := s.SearchPeople(ctx, addr, 5)
	if err != nil {
		return Person{}, false
	}
	for _, p := range found {
		if strings.EqualFold(p.Email, addr) {
			return p, true
		}
	}
	return Person{}, false
}

// ErrGroupNotPerson is the problem for a Google Group's address given where a person was
// expected (the caller found it with LookupGroup after chat.person_not_found).
func ErrGroupNotPerson(g Group) *problem.Problem {
	return probNotAPerson.With("email", g.Email).With("group", g.Name)
}

// cleanQuery trims a search query and refuses what cannot be a name or an address.
func cleanQuery(query string) (string, error) {
	q := strings.Join(strings.Fields(query), " ")
	if q == "" {
		return "", probEmptyQuery
	}
	bad := !utf8.ValidString(q) || utf8.RuneCountInString(q) > MaxQuery ||
		strings.IndexFunc(q, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError }) >= 0
	if bad {
		return "", probInvalidQuery.WithDetail("refused before sending: " + clip(q))
	}
	return q, nil
}

func clip(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// MemberKind is what a member of a Google Group is.
type MemberKind string

// Member kinds: Chat can add people and groups; service accounts and the rest it cannot.
const (
	MemberPerson MemberKind = "person"
	MemberGroup  MemberKind = "group"
	MemberOther  MemberKind = "other"
)

// GroupMember is one member of a Google Group: a person, a nested group (not expanded) or
// something else (a service account, a device).
type GroupMember struct {
	Email string     `json:"email"`
	Kind  MemberKind `json:"kind"`
}

// groupMembersPage is the page size asked of groups.memberships.list: the most the BASIC view
// allows, so that a group of a few thousand takes a few requests.
const groupMembersPage = 1000

// ErrMemberUnsupported is the problem of a group's member Chat cannot add (MemberOther).
func ErrMemberUnsupported(m GroupMember) *problem.Problem {
	return probMemberUnsupported.With("email", m.Email)
}

// GroupMembers lists every member of the Google Group with the address email, all pages, in
// Google's order; a group nested in it is one member of kind group. Each page is retried on
// transient failures. Problems: those of LookupGroup, then chat's for the listing
// (chat.scope_missing with Params["scope"] = cloud-identity.groups.readonly).
func (s *Service) GroupMembers(ctx context.Context, email string) (Group, []GroupMember, error) {
	g, err := s.LookupGroup(ctx, email)
	if err != nil {
		return Group{}, nil, err
	}
	ctx, cancel := s.retry.Bound(ctx)
	defer cancel()
	out := []GroupMember{}
	token := ""
	for {
		var resp *cloudidentity.ListMembershipsResponse
		err := s.retry.Run(ctx, func() (err error) {
			call := s.groups.Groups.Memberships.List(g.Name).PageSize(groupMembersPage).Context(ctx)
			if token != "" {
				call = call.PageToken(token)
			}
			resp, err = call.Do()
			return err
		})
		if err != nil {
			return Group{}, nil, chat.ProblemOf(err, ScopeGroupsReadonly)
		}
		for _, m := range resp.Memberships {
			if m == nil || m.PreferredMemberKey == nil || m.PreferredMemberKey.Id == "" {
				continue
			}
			k := MemberOther
			switch m.Type {
			case "USER":
				k = MemberPerson
			case "GROUP":
				k = MemberGroup
			}
			out = append(out, GroupMember{Email: strings.ToLower(m.PreferredMemberKey.Id), Kind: k})
		}
		if resp.NextPageToken == "" || resp.NextPageToken == token {
			return g, out, nil
		}
		token = resp.NextPageToken
	}
}
