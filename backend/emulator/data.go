package emulator

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
)

// The demo organisation. Tests use these names instead of hard-coding surprising values;
// data_test.go checks that each one still has the property its comment promises.
const (
	// DemoOrgName and DemoDomain name the demo Workspace organisation.
	DemoOrgName = "Northwind Outfitters"
	DemoDomain  = "example.com"
	// DemoAdminEmail is the main signed-in demo account: a Workspace admin who manages most spaces.
	DemoAdminEmail = "admin@example.com"
	// DemoSecondAdminEmail is the IT lead, also a member of most spaces.
	DemoSecondAdminEmail = "priya.raman@example.com"
	// DemoNoAutoAcceptEmail is a colleague with auto-accept off: adding them yields state INVITED.
	// They are not in DemoInternalSpaceID.
	DemoNoAutoAcceptEmail = "hiroshi.tanaka@example.com"
	// DemoJoinerEmail is a colleague with auto-accept on who is not in DemoInternalSpaceID
	// nor DemoExternalSpaceID: adding them yields state JOINED.
	DemoJoinerEmail = "kwame.mensah@example.com"
	// DemoExternalEmail is a consultant at another organisation (External is true).
	DemoExternalEmail = "lena.fischer@example.net"
	// DemoInternalSpaceID ("Engineering") is a SPACE managed by the admin that does not allow
	// external users.
	DemoInternalSpaceID = "AAAAq3Tz9Ek"
	// DemoExternalSpaceID ("Trailblazer Pack launch") is a SPACE managed by the admin that allows
	// external users; DemoExternalEmail is not yet in it.
	DemoExternalSpaceID = "AAAAn7Wc2Rd"
	// DemoMemberOnlySpaceID ("Security Incidents") has the admin as a plain ROLE_MEMBER.
	DemoMemberOnlySpaceID = "AAAAs5Yh8Pu"
	// DemoNotMemberSpaceID ("Board Prep") exists but the admin is not in it.
	DemoNotMemberSpaceID = "AAAAb2Qk6Zm"
	// DemoDirectMessageID is a DM between the admin and DemoSecondAdminEmail that has messages.
	DemoDirectMessageID = "8v1XcQAAAAE"
	// DemoQuietGroupChatID is a group chat with the admin but no message yet, so spaces.list
	// does not show it (spaces.get does).
	DemoQuietGroupChatID = "AAAAg4Lp0Vn"
	// DemoAppUserID is the numeric user id of the demo Chat app ("users/app" resolves to it).
	DemoAppUserID = "105839201746385920471"
	// DemoNonAdminEmail manages spaces of her own but holds no Workspace admin privilege:
	// useAdminAccess is refused for her. (DemoAdminEmail and DemoSecondAdminEmail hold it.)
	DemoNonAdminEmail = "camila.duarte@example.com"
	// DemoRolesSpaceID ("Customer Support") has every kind of membership: an owner who is not
	// the admin, the admin as a manager (ROLE_ASSISTANT_MANAGER) beside another manager, plain
	// members, an invited person (DemoNoAutoAcceptEmail), the Chat app and a Google Group
	// (DemoRolesGroupEmail).
	DemoRolesSpaceID = "AAAAc4Vu6Nb"
	// DemoRolesSpaceOwnerEmail is the only owner (ROLE_MANAGER) of DemoRolesSpaceID.
	DemoRolesSpaceOwnerEmail = "amara.okafor@example.com"
	// Google Groups of the organisation (Dataset.Groups, Cloud Identity); each one's id is
	// DemoGroupID(email) in Cloud Identity, in Chat's groups/{id} and in its memberships.
	//
	// DemoGroupEmail is the Google Group of the engineering team; no space has it as a member.
	DemoGroupEmail = "engineering@example.com"
	// DemoGroupInSpaceEmail is a Google Group that is already a member of DemoInternalSpaceID.
	DemoGroupInSpaceEmail = "oncall@example.com"
	// DemoRolesGroupEmail is the Google Group with a membership in DemoRolesSpaceID.
	DemoRolesGroupEmail = "support-team@example.com"
)

// DemoGroupID is the stable Cloud Identity id of a demo Google Group: 15 lower-case letters
// and digits, as Cloud Identity's ids look ("03cqmetx3l8nw2g"), so never a numeric user id.
func DemoGroupID(email string) string {
	h := sha256.Sum256([]byte("group:" + strings.ToLower(email)))
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	id := []byte("0")
	for _, b := range h[:14] {
		id = append(id, alphabet[b%36])
	}
	if id[1] < 'a' { // at least one letter, so the id can't be mistaken for a user id
		id[1] = 'a' + id[1]%26
	}
	return string(id)
}

// Space types, membership roles and states as the Chat API spells them.
const (
	SpaceTypeSpace         = "SPACE"
	SpaceTypeGroupChat     = "GROUP_CHAT"
	SpaceTypeDirectMessage = "DIRECT_MESSAGE"

	RoleMember           = "ROLE_MEMBER"
	RoleManager          = "ROLE_MANAGER"           // UI "Owner"
	RoleAssistantManager = "ROLE_ASSISTANT_MANAGER" // UI "Manager"

	StateJoined  = "JOINED"
	StateInvited = "INVITED"
)

// User is a person in the directory (or a consultant outside it).
type User struct {
	ID          string // numeric, like the People/Directory API id: "112233445566778899001"
	Email       string
	DisplayName string
	// AutoAccept off means additions become invitations (state INVITED) the user must accept.
	AutoAccept bool
	// External users belong to another organisation: they can only be added by email, and only
	// to spaces with ExternalUserAllowed.
	External bool
	// ChatAdmin: a Workspace administrator with the "manage Chat and spaces conversations"
	// privilege, which useAdminAccess=true requires.
	ChatAdmin bool
}

// Group is a Google Group of the organisation, as Cloud Identity knows it.
type Group struct {
	ID          string // Cloud Identity id, as in "groups/03cqmetx3ahs0hx"; DemoGroupID(Email) in the demo
	Email       string
	DisplayName string
	MemberIDs   []string // user ids
	// GroupIDs are the ids of the groups nested in this one (Cloud Identity memberships of type
	// GROUP); groups.memberships.list lists them after the people, unexpanded, as Google does.
	GroupIDs []string
}

// Space is a Chat space, group chat or direct message.
type Space struct {
	ID          string // 11 characters, as in "spaces/AAAAq3Tz9Ek"
	Type        string // SpaceTypeSpace, SpaceTypeGroupChat or SpaceTypeDirectMessage
	DisplayName string // empty for group chats and DMs
	Description string
	Guidelines  string
	// ExternalUserAllowed is fixed at creation, as in Google Chat.
	ExternalUserAllowed bool
	Discoverable        bool // accessSettings.accessState DISCOVERABLE instead of PRIVATE
	// Announcement spaces let only managers add or remove people.
	Announcement bool
	// HasMessages: group chats and DMs are listed only once someone has posted.
	HasMessages    bool
	CreateTime     time.Time
	LastActiveTime time.Time
}

// Membership puts a user (or the app, UserID == Dataset.AppUserID) or a Google Group (GroupID
// set, UserID empty; Role and State are then ignored) in a space.
type Membership struct {
	SpaceID    string
	UserID     string
	GroupID    string // Cloud Identity group id, as in "groups/{id}"
	Role       string
	State      string
	CreateTime time.Time
}

// Dataset is the whole organisation an emulator starts with. A Server copies it, so a Dataset
// can be inspected freely after New.
type Dataset struct {
	OrgName        string
	Domain         string
	AppUserID      string
	AppDisplayName string
	Users          []*User
	Spaces         []*Space
	Memberships    []*Membership
	// Groups are the organisation's Google Groups; a space's group memberships are Memberships
	// with GroupID set to one of their ids.
	Groups []*Group
}

// GroupByEmail finds a group by email, ignoring case; nil if there is none.
func (d *Dataset) GroupByEmail(email string) *Group {
	for _, g := range d.Groups {
		if strings.EqualFold(g.Email, email) {
			return g
		}
	}
	return nil
}

// UserByEmail finds a user by email, ignoring case; nil if there is none.
func (d *Dataset) UserByEmail(email string) *User {
	for _, u := range d.Users {
		if strings.EqualFold(u.Email, email) {
			return u
		}
	}
	return nil
}

// SpaceByID finds a space by its id (without "spaces/"); nil if there is none.
func (d *Dataset) SpaceByID(id string) *Space {
	for _, sp := range d.Spaces {
		if sp.ID == id {
			return sp
		}
	}
	return nil
}

// demoEpoch anchors every demo timestamp so DemoData is the same on every run.
func demoEpoch() time.Time { return time.Date(2023, 9, 4, 8, 30, 0, 0, time.UTC) }

// numericID derives a stable 21-digit id starting with "1", like Google's user ids.
func numericID(seed string) string {
	h := sha256.Sum256([]byte(seed))
	n := binary.BigEndian.Uint64(h[:8]) % 1e18
	return fmt.Sprintf("1%02d%018d", h[8]%100, n)
}

type demoUser struct {
	email, name string
	autoAccept  bool
}

// demoUsers: email local part (or full address), display name, auto-accept. A function, not a
// package variable, so nothing can mutate the table shared by every DemoData call.
func demoUsers() []demoUser {
	return []demoUser{
		{"admin", "Alex Rivera", true}, {"priya.raman", "Priya Raman", true},
		{"amara.okafor", "Amara Okafor", true}, {"benedikt.schmid", "Benedikt Schmid", true},
		{"camila.duarte", "Camila Duarte", true}, {"chen.wei", "Chen Wei", true},
		{"dmitri.volkov", "Dmitri Volkov", true}, {"elif.yilmaz", "Elif Yılmaz", true},
		{"emma.johansson", "Emma Johansson", true}, {"fatima.alhassan", "Fatima Al-Hassan", true},
		{"giulia.rossi", "Giulia Rossi", true}, {"hiroshi.tanaka", "Hiroshi Tanaka", false},
		{"ines.moreau", "Inès Moreau", true}, {"jamal.haddad", "Jamal Haddad", true},
		{"jonas.weber", "Jonas Weber", true}, {"kaito.mori", "Kaito Mori", true},
		{"kwame.mensah", "Kwame Mensah", true}, {"lars.nilsson", "Lars Nilsson", true},
		{"leila.karimi", "Leila Karimi", false}, {"lucas.oliveira", "Lucas Oliveira", true},
		{"maja.kowalska", "Maja Kowalska", true}, {"mateo.garcia", "Mateo García", true},
		{"mei.lin", "Mei Lin", true}, {"nadia.petrova", "Nadia Petrova", true},
		{"noah.cohen", "Noah Cohen", true}, {"oliver.brown", "Oliver Brown", true},
		{"olga.ivanova", "Olga Ivanova", true}, {"pablo.fernandez", "Pablo Fernández", true},
		{"rahul.mehta", "Rahul Mehta", true}, {"sakura.ito", "Sakura Ito", true},
		{"sara.lindqvist", "Sara Lindqvist", true}, {"sebastien.dubois", "Sébastien Dubois", true},
		{"siobhan.murphy", "Siobhán Murphy", false}, {"tomas.novak", "Tomáš Novák", true},
		{"valentina.costa", "Valentina Costa", true}, {"wanjiru.kamau", "Wanjiru Kamau", true},
		{"yusuf.demir", "Yusuf Demir", true}, {"zanele.dlamini", "Zanele Dlamini", true},
		{"anika.sharma", "Anika Sharma", true}, {"erik.hansen", "Erik Hansen", true},
		{DemoExternalEmail, "Lena Fischer (BrightPath Consulting)", true},
	}
}

// Teams, by email local part, reused across spaces.
const (
	teamEng       = "chen.wei dmitri.volkov jonas.weber kaito.mori mei.lin rahul.mehta tomas.novak erik.hansen anika.sharma lucas.oliveira"
	teamMarketing = "camila.duarte giulia.rossi ines.moreau sara.lindqvist valentina.costa"
	teamSalesEMEA = "benedikt.schmid sebastien.dubois maja.kowalska yusuf.demir lars.nilsson"
	teamSalesAm   = "mateo.garcia noah.cohen oliver.brown pablo.fernandez"
	teamSupport   = "amara.okafor kwame.mensah wanjiru.kamau zanele.dlamini olga.ivanova"
	teamOps       = "emma.johansson jamal.haddad elif.yilmaz lars.nilsson"
	teamFinance   = "nadia.petrova siobhan.murphy leila.karimi"
)

// demoSpace is one row of the demo table. owners (ROLE_MANAGER, the UI's "Owner"), managers
// (ROLE_ASSISTANT_MANAGER, "Manager"), members and invited are space-separated email local parts
// (or full addresses); "*" in members means every internal user. groups are Google Groups of
// demoGroups, by the same local part or address; app puts the Chat app in the space.
type demoSpace struct {
	id, typ, name, desc                          string
	external, discoverable, announce, quiet, app bool
	managers, assistants, members, invited       string
	groups                                       string
}

const admins = "admin priya.raman"

func demoSpaces() []demoSpace {
	return []demoSpace{
		{id: "AAAAh1Nw4Xa", typ: SpaceTypeSpace, name: "All Hands — Northwind", desc: "Company-wide announcements", announce: true, managers: admins, members: "*"},
		{id: DemoInternalSpaceID, typ: SpaceTypeSpace, name: "Engineering", desc: "Platform, web shop and warehouse systems", discoverable: true, managers: "admin", members: "priya.raman " + teamEng, groups: DemoGroupInSpaceEmail},
		{id: DemoExternalSpaceID, typ: SpaceTypeSpace, name: "Trailblazer Pack launch", desc: "Spring launch with BrightPath Consulting", external: true, managers: "admin camila.duarte", members: "priya.raman giulia.rossi mateo.garcia sakura.ito"},
		{id: "AAAAp6Fv1Jc", typ: SpaceTypeSpace, name: "Partner: BrightPath Consulting", desc: "Retail strategy engagement", external: true, managers: "admin", members: "priya.raman benedikt.schmid nadia.petrova " + DemoExternalEmail},
		{id: "AAAAm8Rk3Hs", typ: SpaceTypeSpace, name: "Marketing", desc: "Campaigns, brand and social", managers: "admin camila.duarte", assistants: "giulia.rossi", members: "priya.raman " + teamMarketing, invited: "leila.karimi siobhan.murphy", app: true, groups: "marketing"},
		{id: "AAAAe5Gt7Lw", typ: SpaceTypeSpace, name: "Sales EMEA", managers: "benedikt.schmid", assistants: "sebastien.dubois", members: "admin priya.raman " + teamSalesEMEA, groups: "sales-emea"},
		{id: "AAAAa9Dj2Qp", typ: SpaceTypeSpace, name: "Sales Americas", managers: "admin mateo.garcia", members: "priya.raman " + teamSalesAm},
		{id: DemoRolesSpaceID, typ: SpaceTypeSpace, name: "Customer Support", desc: "Escalations and the weekly rota", discoverable: true, managers: "amara.okafor", assistants: "admin zanele.dlamini", members: "priya.raman " + teamSupport, invited: "hiroshi.tanaka", app: true, groups: DemoRolesGroupEmail},
		{id: "AAAAw2Km5Tr", typ: SpaceTypeSpace, name: "Warehouse Ops Rotterdam", managers: "admin emma.johansson", members: "priya.raman " + teamOps},
		{id: "AAAAd7Bx0Yf", typ: SpaceTypeSpace, name: "Design Critique", managers: "admin ines.moreau", assistants: "sakura.ito", members: "priya.raman mei.lin giulia.rossi", invited: "hiroshi.tanaka"},
		{id: "AAAAi3Hq8Cv", typ: SpaceTypeSpace, name: "IT Helpdesk", desc: "Ask IT anything", discoverable: true, managers: admins, assistants: "chen.wei", members: "erik.hansen", app: true, groups: "everyone"},
		{id: "AAAAf1Pz4Ug", typ: SpaceTypeSpace, name: "Finance & Procurement", managers: "admin nadia.petrova", members: "priya.raman " + teamFinance},
		{id: "AAAAr6Ls9Ok", typ: SpaceTypeSpace, name: "People Team", desc: "HR, hiring and onboarding", managers: "siobhan.murphy", assistants: "fatima.alhassan", members: "admin priya.raman sakura.ito", invited: "leila.karimi"},
		{id: "AAAAt0Xw3Ej", typ: SpaceTypeSpace, name: "Watercooler", desc: "Dogs, coffee and weekend plans", discoverable: true, managers: "admin", members: "*"},
		{id: "AAAAu5Cn7Ih", typ: SpaceTypeSpace, name: "Sustainability Working Group", managers: "emma.johansson", members: "admin priya.raman elif.yilmaz valentina.costa noah.cohen"},
		{id: DemoNotMemberSpaceID, typ: SpaceTypeSpace, name: "Board Prep (Confidential)", managers: "nadia.petrova", members: "benedikt.schmid siobhan.murphy"},
		{id: "AAAAj9Ty1Wq", typ: SpaceTypeSpace, name: "New Joiners 2025", desc: "Welcome aboard!", managers: admins},
		{id: "AAAAk2Mv6Sd", typ: SpaceTypeSpace, name: "Berlin Office", managers: "admin jonas.weber", members: "priya.raman benedikt.schmid maja.kowalska"},
		{id: DemoMemberOnlySpaceID, typ: SpaceTypeSpace, name: "Security Incidents", managers: "chen.wei", members: "admin priya.raman dmitri.volkov erik.hansen"},
		{id: "AAAAv8Jr5Ba", typ: SpaceTypeSpace, name: "Supplier Quality — Asia", external: true, managers: "admin", members: "priya.raman kaito.mori mei.lin emma.johansson"},
		{id: "AAAAx4Ge2Mo", typ: SpaceTypeGroupChat, members: "admin priya.raman chen.wei jonas.weber"},
		{id: "AAAAy6Wf8Dt", typ: SpaceTypeGroupChat, members: "admin amara.okafor kwame.mensah"},
		{id: DemoQuietGroupChatID, typ: SpaceTypeGroupChat, quiet: true, members: "admin giulia.rossi valentina.costa"},
		{id: DemoDirectMessageID, typ: SpaceTypeDirectMessage, members: "admin priya.raman"},
		{id: "3kZ9pRAAAAE", typ: SpaceTypeDirectMessage, members: "admin camila.duarte"},
		{id: "Qw7m2LAAAAE", typ: SpaceTypeDirectMessage, quiet: true, members: "admin mei.lin"},
	}
}

// DemoData builds the demo organisation: 40 people at example.com, one external consultant
// and 26 spaces, with owners, managers, members, invitations, the Chat app and Google Groups
// mixed in the named spaces. Every call returns a fresh, identical Dataset.
func DemoData() *Dataset {
	d := &Dataset{OrgName: DemoOrgName, Domain: DemoDomain,
		AppUserID: DemoAppUserID, AppDisplayName: "Chat Members"}
	for _, du := range demoUsers() {
		email := qualify(du.email)
		d.Users = append(d.Users, &User{ID: numericID(email), Email: email, DisplayName: du.name,
			AutoAccept: du.autoAccept, External: !strings.HasSuffix(email, "@"+DemoDomain)})
	}
	for i, ds := range demoSpaces() {
		created := demoEpoch().Add(time.Duration(i)*73*time.Hour + time.Duration(i*123457)*time.Microsecond)
		sp := &Space{ID: ds.id, Type: ds.typ, DisplayName: ds.name, Description: ds.desc,
			ExternalUserAllowed: ds.external, Discoverable: ds.discoverable, Announcement: ds.announce,
			HasMessages: !ds.quiet, CreateTime: created, LastActiveTime: created}
		if ds.typ == SpaceTypeSpace {
			sp.Guidelines = "Be kind, keep customer data out of chat."
		}
		if !ds.quiet {
			sp.LastActiveTime = time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC).Add(-time.Duration(i) * 7 * time.Hour)
		}
		d.Spaces = append(d.Spaces, sp)
		seen := map[string]bool{}
		add := func(list, role, state string) {
			for _, f := range strings.Fields(list) {
				users := []*User{d.UserByEmail(qualify(f))}
				if f == "*" {
					users = d.Users
				}
				for _, u := range users {
					if u == nil {
						panic("emulator: demo table names unknown user " + f)
					}
					if seen[u.ID] || (f == "*" && u.External) {
						continue
					}
					seen[u.ID] = true
					if ds.typ != SpaceTypeSpace {
						role = RoleMember // manager roles exist only in named spaces
					}
					d.Memberships = append(d.Memberships, &Membership{SpaceID: sp.ID, UserID: u.ID,
						Role: role, State: state, CreateTime: created.Add(time.Duration(len(seen)) * time.Minute)})
				}
			}
		}
		add(ds.managers, RoleManager, StateJoined)
		add(ds.assistants, RoleAssistantManager, StateJoined)
		add(ds.members, RoleMember, StateJoined)
		add(ds.invited, RoleMember, StateInvited)
		if ds.app {
			d.Memberships = append(d.Memberships, &Membership{SpaceID: sp.ID, UserID: d.AppUserID,
				Role: RoleMember, State: StateJoined, CreateTime: created.Add(time.Hour)})
		}
		for _, g := range strings.Fields(ds.groups) {
			d.Memberships = append(d.Memberships, &Membership{SpaceID: sp.ID, GroupID: DemoGroupID(qualify(g)),
				CreateTime: created.Add(2 * time.Hour)})
		}
	}
	addDemoGroups(d)
	return d
}

// demoGroups: email (local part or full), display name, members (local parts; "*" every
// internal user). Every group a demo space has as a member (demoSpace.groups) is here.
func demoGroups() [][3]string {
	return [][3]string{
		{DemoGroupEmail, "Engineering team", teamEng},
		{"marketing", "Marketing team", teamMarketing},
		{"sales-emea", "Sales EMEA", teamSalesEMEA},
		{DemoRolesGroupEmail, "Customer Support team", teamSupport},
		{DemoGroupInSpaceEmail, "On-call engineers", "chen.wei dmitri.volkov erik.hansen"},
		{"leadership", "Leadership", "admin priya.raman nadia.petrova emma.johansson"},
		{"everyone", "Everyone at Northwind", "*"},
	}
}

// addDemoGroups adds the organisation's Google Groups (ids DemoGroupID(email), the ones the
// spaces' group memberships name) and the admin privilege.
func addDemoGroups(d *Dataset) {
	for _, e := range []string{DemoAdminEmail, DemoSecondAdminEmail} {
		d.UserByEmail(e).ChatAdmin = true
	}
	for _, dg := range demoGroups() {
		email := qualify(dg[0])
		g := &Group{ID: DemoGroupID(email), Email: email, DisplayName: dg[1]}
		if dg[2] == "*" {
			for _, u := range d.Users {
				if !u.External {
					g.MemberIDs = append(g.MemberIDs, u.ID)
				}
			}
		}
		for _, f := range strings.Fields(strings.TrimPrefix(dg[2], "*")) {
			g.MemberIDs = append(g.MemberIDs, d.UserByEmail(qualify(f)).ID)
		}
		d.Groups = append(d.Groups, g)
	}
	// The on-call engineers are a group inside the engineering team's, so a sync to the
	// engineering group's members meets a nested group.
	eng := d.GroupByEmail(DemoGroupEmail)
	eng.GroupIDs = append(eng.GroupIDs, DemoGroupID(DemoGroupInSpaceEmail))
}

func qualify(local string) string {
	if strings.Contains(local, "@") {
		return local
	}
	return local + "@" + DemoDomain
}

// spaceIDAlphabet is what Google's space ids are made of (base64url without padding).
const spaceIDAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// GenerateDataset builds a large deterministic organisation for benchmarks: `users` people
// (the first is DemoAdminEmail) and `spaces` named spaces, each managed by the admin and with
// three other members.
func GenerateDataset(spaces, users int) *Dataset {
	users = max(users, 4)
	d := &Dataset{OrgName: DemoOrgName, Domain: DemoDomain, AppUserID: DemoAppUserID,
		AppDisplayName: "Chat Members",
		Users:          make([]*User, 0, users), Spaces: make([]*Space, 0, spaces),
		Memberships: make([]*Membership, 0, spaces*4)}
	for i := range users {
		email := fmt.Sprintf("user%05d@%s", i, DemoDomain)
		name := fmt.Sprintf("User %05d", i)
		if i == 0 {
			email, name = DemoAdminEmail, "Alex Rivera"
		}
		d.Users = append(d.Users, &User{ID: numericID(email), Email: email, DisplayName: name,
			AutoAccept: i%10 != 9, ChatAdmin: i == 0})
	}
	for i := range spaces {
		h := sha256.Sum256(fmt.Appendf(nil, "space-%d", i))
		id := []byte("AAAA")
		for _, b := range h[:7] {
			id = append(id, spaceIDAlphabet[b%64])
		}
		created := demoEpoch().Add(time.Duration(i) * time.Minute)
		d.Spaces = append(d.Spaces, &Space{ID: string(id), Type: SpaceTypeSpace,
			DisplayName: fmt.Sprintf("Project %05d", i), HasMessages: true,
			CreateTime: created, LastActiveTime: created})
		d.Memberships = append(d.Memberships, &Membership{SpaceID: string(id), UserID: d.Users[0].ID,
			Role: RoleManager, State: StateJoined, CreateTime: created})
		for k := 1; k <= 3; k++ {
			u := d.Users[1+(i*3+k)%(users-1)]
			d.Memberships = append(d.Memberships, &Membership{SpaceID: string(id), UserID: u.ID,
				Role: RoleMember, State: StateJoined, CreateTime: created})
		}
	}
	return d
}

// BigSpaceID is the one space of GenerateMembersDataset.
const BigSpaceID = "AAAABigSpc1"

// GenerateMembersDataset builds an organisation whose one named space (BigSpaceID) has
// `members` memberships, for benchmarks and paging tests of spaces.members.list: the demo admin
// as owner; then, by position, every 50th person an owner, every 20th a manager, every 10th
// invited, and the Chat app and one Google Group. Deterministic.
func GenerateMembersDataset(members int) *Dataset {
	members = max(members, 3)
	people := members - 2 // the app and the group take two memberships
	d := &Dataset{OrgName: DemoOrgName, Domain: DemoDomain, AppUserID: DemoAppUserID,
		AppDisplayName: "Chat Members", Users: make([]*User, 0, people),
		Memberships: make([]*Membership, 0, members)}
	created := demoEpoch()
	d.Spaces = []*Space{{ID: BigSpaceID, Type: SpaceTypeSpace, DisplayName: "Everyone at Northwind",
		HasMessages: true, CreateTime: created, LastActiveTime: created}}
	for i := range people {
		email, name := fmt.Sprintf("user%05d@%s", i, DemoDomain), fmt.Sprintf("User %05d", i)
		if i == 0 {
			email, name = DemoAdminEmail, "Alex Rivera"
		}
		u := &User{ID: numericID(email), Email: email, DisplayName: name, AutoAccept: i%10 != 9, ChatAdmin: i == 0}
		d.Users = append(d.Users, u)
		role, state := RoleMember, StateJoined
		switch {
		case i%50 == 0:
			role = RoleManager
		case i%20 == 0:
			role = RoleAssistantManager
		case i%10 == 9:
			state = StateInvited
		}
		d.Memberships = append(d.Memberships, &Membership{SpaceID: BigSpaceID, UserID: u.ID,
			Role: role, State: state, CreateTime: created.Add(time.Duration(i) * time.Second)})
	}
	everyone := &Group{ID: DemoGroupID("everyone@" + DemoDomain), Email: "everyone@" + DemoDomain,
		DisplayName: "Everyone at Northwind"}
	for _, u := range d.Users {
		everyone.MemberIDs = append(everyone.MemberIDs, u.ID)
	}
	d.Groups = []*Group{everyone}
	d.Memberships = append(d.Memberships,
		&Membership{SpaceID: BigSpaceID, UserID: DemoAppUserID, Role: RoleMember, State: StateJoined, CreateTime: created},
		&Membership{SpaceID: BigSpaceID, GroupID: everyone.ID, CreateTime: created})
	return d
}
