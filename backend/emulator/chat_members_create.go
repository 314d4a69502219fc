package emulator

// spaces.members.create: the call Chat Members exists for.

import (
	"net/http"
	"strings"
	"time"
)

// membershipInput is a Membership as a client may send it. Output-only fields are accepted and
// ignored, as Google does; unknown fields are refused by decodeBody.
type membershipInput struct {
	Name        string `json:"name"`
	State       string `json:"state"`
	Role        string `json:"role"`
	CreateTime  string `json:"createTime"`
	DeleteTime  string `json:"deleteTime"`
	Affiliation string `json:"affiliation"`
	Member      *struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		DisplayName string `json:"displayName"`
		DomainID    string `json:"domainId"`
		Email       string `json:"email"`
		AvatarURL   string `json:"avatarUrl"`
		IsAnonymous bool   `json:"isAnonymous"`
	} `json:"member"`
	GroupMember *struct {
		Name string `json:"name"`
	} `json:"groupMember"`
}

// Messages for rules Google enforces but whose wording it does not document.
const (
	msgDMOnlyApp = "Only the calling Chat app (users/app) can be added to a direct message."
)

func (s *Server) chatCreateMember(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcCreateMembership, []string{scopeAdminMemberships},
		scopeMemberships, scopeMembershipsApp)
	if !ok {
		return
	}
	var in membershipInput
	if !decodeBody(w, r, &in) {
		return
	}
	if in.GroupMember != nil {
		s.createGroupMember(w, r, g, in) // admin.go
		return
	}
	if in.Member == nil {
		badRequest(w, msgBadUser)
		return
	}
	user, isApp := parseMemberName(in.Member.Name, in.Member.Type)
	if user == "" && !isApp {
		badRequest(w, msgBadUser)
		return
	}
	// The app needs chat.memberships.app and a person chat.memberships; a token with only the
	// other one gets Google's insufficient-scopes error.
	if !mayWriteMember(g, isApp) {
		insufficientScopes(w, rpcCreateMembership)
		return
	}
	if g.AdminAccess && isApp {
		badRequest(w, msgAdminCreate)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		return
	}
	m := &chatMember{userID: s.chat.appID, bot: true, role: RoleMember, state: StateJoined}
	if !isApp {
		if sp.Type == SpaceTypeDirectMessage {
			// Google: "A DM can only receive the calling app". Status chosen here. The rule is
			// about the space, so it comes first: known or not, no person can be added.
			badRequest(w, msgDMOnlyApp)
			return
		}
		u := s.resolveUser(user)
		if u == nil {
			// Google does not document this case. An id or address that names no Chat user is
			// a resource that does not exist, so the emulator answers 404 like other lookups.
			notFound(w)
			return
		}
		m.userID, m.bot = u.ID, false
		if g.AdminAccess && u.External {
			badRequest(w, msgAdminCreate)
			return
		}
		if !u.AutoAccept {
			m.state = StateInvited
		}
		if u.External && !sp.ExternalUserAllowed {
			permissionDenied(w)
			return
		}
	}
	s.addMember(w, sp, g, m)
}

// addMember ends spaces.members.create for a person, the app or a Google Group alike, once the
// kind-specific checks have passed: in an announcement space only managers manage members, an
// existing membership is ALREADY_EXISTS, and otherwise m joins sp with the next sequence number
// and a creation time, and is returned to the caller. Caller holds s.mu.
func (s *Server) addMember(w http.ResponseWriter, sp *chatSpace, g Grant, m *chatMember) {
	if sp.Announcement && callerRole(sp, g) == RoleMember {
		permissionDenied(w)
		return
	}
	if sp.members[m.key()] != nil {
		writeChatError(w, http.StatusConflict, "ALREADY_EXISTS", msgAlreadyExists)
		return
	}
	s.chat.seq++
	m.seq = s.chat.seq
	m.created = s.now().UTC().Truncate(time.Microsecond) // Google's timestamps are in µs
	sp.members[m.key()] = m
	s.chat.created++
	s.chat.creates[sp.ID+"/"+m.key()]++
	writeChatJSON(w, http.StatusOK, s.wireMember(sp, m))
}

// parseMemberName checks a member's name and type. It returns the part after "users/" for a
// person, or isApp for "users/app" (type BOT); both empty when the pair is malformed. An empty
// type is taken from the name, since the field is optional on input.
func parseMemberName(name, typ string) (user string, isApp bool) {
	rest, ok := strings.CutPrefix(name, "users/")
	if !ok || rest == "" || strings.ContainsAny(rest, "/ ") {
		return "", false
	}
	if rest == "app" {
		return "", typ == "BOT" || typ == ""
	}
	if typ != "HUMAN" && typ != "" {
		return "", false // only the calling app can be added as a BOT
	}
	local, domain, isEmail := strings.Cut(rest, "@")
	if isEmail && (local == "" || domain == "" || strings.Contains(domain, "@")) {
		return "", false
	}
	if !isEmail && strings.Trim(rest, "0123456789") != "" {
		return "", false // neither an email nor a numeric id
	}
	return rest, false
}

// resolveUser finds the person a "users/{user}" names: an email (any organisation) or a
// numeric id. Ids resolve only within the organisation, as the People/Directory API ids that
// Chat accepts are only visible there. Caller holds s.mu.
func (s *Server) resolveUser(user string) *User {
	if strings.Contains(user, "@") {
		return s.chat.emails[strings.ToLower(user)]
	}
	u := s.chat.users[user]
	if u == nil || u.External {
		return nil
	}
	return u
}
