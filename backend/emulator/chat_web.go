package emulator

import (
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// A stand-in for Google Chat's web pages, so that "Open in Google Chat" in the demo workspace
// shows the demo space (who is in it, who is invited) instead of sending the person to the real
// chat.google.com, where the demo organisation does not exist.
//
//	GET  /chat/room/{space}          a space or group chat (Google: https://chat.google.com/room/{space})
//	GET  /chat/dm/{space}            a direct message      (Google: https://chat.google.com/dm/{space})
//	POST /chat/room/{space}/accept   member={user id}: that invited person accepts (INVITED -> JOINED)
//
// In Google Chat an invitee accepts in their own Chat window. The demo has no second person at
// the keyboard, so each invited row has an "Accept" button that acts as that person; the app's
// member list then shows the change.

func (s *Server) registerChatWeb(mux *http.ServeMux) {
	mux.HandleFunc("GET /chat/room/{space}", s.chatWebPage)
	mux.HandleFunc("GET /chat/dm/{space}", s.chatWebPage)
	mux.HandleFunc("POST /chat/room/{space}/accept", s.chatWebAccept)
}

// chatWebAccept turns the invitation of the person in the form's "member" (a numeric user id)
// into a joined membership and shows the page again (303, so a reload does not post twice).
// Only a form from this server's own pages is taken: a browser sends Origin with every POST,
// and another site's page must not accept invitations on the demo's behalf.
func (s *Server) chatWebAccept(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != s.baseURL {
		http.Error(w, "This form can only be sent from the demo's own Chat page.", http.StatusForbidden)
		return
	}
	id, member := r.PathValue("space"), r.PostFormValue("member")
	s.mu.Lock()
	sp := s.chat.spaces[id]
	var m *chatMember
	if sp != nil && resourceID.MatchString(member) {
		m = sp.members[member]
	}
	ok := m != nil && m.human() && m.state == StateInvited
	if ok {
		m.state = StateJoined
	}
	s.mu.Unlock()
	if !ok {
		http.Error(w, "There is no invitation to accept for this person in this space.", http.StatusNotFound)
		return
	}
	http.Redirect(w, r, "/chat/room/"+id, http.StatusSeeOther)
}

// WebURL maps a Google Chat link (a space's spaceUri) to this server's stand-in page.
// ok is false for anything that is not a chat.google.com room or dm link.
func (s *Server) WebURL(spaceURI string) (string, bool) {
	u, err := url.Parse(spaceURI)
	if err != nil || u.Scheme != "https" || u.Host != "chat.google.com" {
		return "", false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) != 2 || (parts[0] != "room" && parts[0] != "dm") || !resourceID.MatchString(parts[1]) {
		return "", false
	}
	return s.baseURL + "/chat/" + parts[0] + "/" + parts[1], true
}

type webMember struct {
	ID, Name, Email, State, Role string
	Group                        bool
}

type webPage struct {
	ID, Title, Kind, Description string
	External                     bool
	Members                      []webMember
}

func (s *Server) chatWebPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("space")
	s.mu.Lock()
	sp := s.chat.spaces[id]
	var page webPage
	if sp != nil {
		page = webPage{ID: sp.ID, Title: sp.DisplayName, Kind: sp.Type, Description: sp.Description, External: sp.ExternalUserAllowed}
		if page.Title == "" {
			page.Title = "Conversation " + sp.ID
		}
		for _, m := range sp.members {
			wm := webMember{ID: m.key(), State: m.state, Role: m.role, Group: m.groupID != ""}
			switch {
			case wm.Group:
				// The group's name and address from the organisation's groups (Cloud Identity),
				// the id if the dataset does not know the group.
				wm.Name = "Google Group groups/" + m.groupID
				if g := s.chat.groups[m.groupID]; g != nil {
					wm.Name, wm.Email = g.DisplayName+" (Google Group)", g.Email
				}
			case m.bot:
				wm.Name = s.chat.appName + " (Chat app)"
			default:
				if u := s.chat.users[m.userID]; u != nil {
					wm.Name, wm.Email = u.DisplayName, u.Email
				}
			}
			page.Members = append(page.Members, wm)
		}
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if sp == nil {
		w.WriteHeader(http.StatusNotFound)
		_ = chatWebTmpl.Execute(w, webPage{Title: "Space not found"})
		return
	}
	sort.Slice(page.Members, func(i, j int) bool { return page.Members[i].Name < page.Members[j].Name })
	_ = chatWebTmpl.Execute(w, page)
}

var chatWebTmpl = template.Must(template.New("chatweb").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} - Google Chat (demo workspace)</title>
<style>` + pageStyle + `
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #e3e3e3}
.invited{color:#8a5a00}</style>
</head>
<body>
<main>
<p class="brand">Google Chat <span class="demo">Demo workspace: this page stands in for Google Chat</span></p>
<h1>{{.Title}}</h1>
{{if .Description}}<p>{{.Description}}</p>{{end}}
{{if .External}}<p>People from outside the organisation can be added to this space.</p>{{end}}
{{if .Members}}<h2>Members</h2>
<table>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Status</th><th scope="col">Role</th></tr></thead>
<tbody>
{{range .Members}}<tr><td>{{.Name}}</td><td>{{.Email}}</td><td{{if eq .State "INVITED"}} class="invited"{{end}}>{{if eq .State "INVITED"}}Invited
<form method="post" action="/chat/room/{{$.ID}}/accept"><input type="hidden" name="member" value="{{.ID}}"><button type="submit">Accept as {{.Name}}</button></form>{{else}}Joined{{end}}</td><td>{{if .Group}}—{{else if eq .Role "ROLE_MANAGER"}}Owner{{else if eq .Role "ROLE_ASSISTANT_MANAGER"}}Manager{{else}}Member{{end}}</td></tr>
{{end}}</tbody>
</table>{{end}}
</main>
</body>
</html>
`))
