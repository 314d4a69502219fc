package emulator

// spaces.list and spaces.get.

import (
	"net/http"
	"strings"
)

// Space as Google serialises it (proto3 JSON: zero values are left out).
type wireSpace struct {
	Name                string               `json:"name"`
	Type                string               `json:"type,omitempty"` // deprecated ROOM/DM, still sent
	SingleUserBotDm     bool                 `json:"singleUserBotDm,omitempty"`
	Threaded            bool                 `json:"threaded,omitempty"` // deprecated, still sent
	DisplayName         string               `json:"displayName,omitempty"`
	ExternalUserAllowed bool                 `json:"externalUserAllowed,omitempty"`
	SpaceThreadingState string               `json:"spaceThreadingState,omitempty"`
	SpaceDetails        *wireSpaceDetails    `json:"spaceDetails,omitempty"`
	SpaceHistoryState   string               `json:"spaceHistoryState,omitempty"`
	SpaceType           string               `json:"spaceType"`
	CreateTime          string               `json:"createTime,omitempty"`
	LastActiveTime      string               `json:"lastActiveTime,omitempty"`
	MembershipCount     *wireMembershipCount `json:"membershipCount,omitempty"`
	AccessSettings      *wireAccessSettings  `json:"accessSettings,omitempty"`
	SpaceURI            string               `json:"spaceUri,omitempty"`
}

type wireSpaceDetails struct {
	Description string `json:"description,omitempty"`
	Guidelines  string `json:"guidelines,omitempty"`
}

type wireMembershipCount struct {
	JoinedDirectHumanUserCount int `json:"joinedDirectHumanUserCount,omitempty"`
	JoinedGroupCount           int `json:"joinedGroupCount,omitempty"`
}

type wireAccessSettings struct {
	AccessState string `json:"accessState"`
	Audience    string `json:"audience,omitempty"`
}

// wire renders a space as the Chat API returns it. Caller holds s.mu.
func (sp *chatSpace) wire() wireSpace {
	w := wireSpace{
		Name:                "spaces/" + sp.ID,
		SpaceType:           sp.Type,
		ExternalUserAllowed: sp.ExternalUserAllowed,
		SpaceHistoryState:   "HISTORY_ON",
		CreateTime:          protoTime(sp.CreateTime),
		LastActiveTime:      protoTime(sp.LastActiveTime),
		SpaceURI:            "https://chat.google.com/room/" + sp.ID,
	}
	humans, groups := 0, 0
	for _, m := range sp.members {
		switch {
		case m.groupID != "":
			groups++
		case !m.bot && m.state == StateJoined:
			humans++
		}
	}
	w.MembershipCount = &wireMembershipCount{JoinedDirectHumanUserCount: humans, JoinedGroupCount: groups}
	switch sp.Type {
	case SpaceTypeSpace:
		w.Type, w.Threaded, w.SpaceThreadingState = "ROOM", true, "THREADED_MESSAGES"
		w.DisplayName = sp.DisplayName
		if sp.Description != "" || sp.Guidelines != "" {
			w.SpaceDetails = &wireSpaceDetails{Description: sp.Description, Guidelines: sp.Guidelines}
		}
		w.AccessSettings = &wireAccessSettings{AccessState: "PRIVATE"}
		if sp.Discoverable {
			// Discoverable to the whole organisation: Google's default target audience.
			w.AccessSettings = &wireAccessSettings{AccessState: "DISCOVERABLE", Audience: "audiences/default"}
		}
	case SpaceTypeGroupChat:
		w.Type, w.SpaceThreadingState = "ROOM", "UNTHREADED_MESSAGES"
	case SpaceTypeDirectMessage:
		w.Type, w.SpaceThreadingState = "DM", "UNTHREADED_MESSAGES"
		w.SpaceURI = "https://chat.google.com/dm/" + sp.ID
	}
	return w
}

// listedFor reports whether spaces.list shows sp to userID: JOINED, and for group chats and
// DMs only once they have a first message (as Google documents).
func (sp *chatSpace) listedFor(userID string) bool {
	return sp.joined(userID) && (sp.Type == SpaceTypeSpace || sp.HasMessages)
}

func (s *Server) chatListSpaces(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcListSpaces, nil, scopeSpacesReadonly, scopeSpaces)
	if !ok {
		return
	}
	q := r.URL.Query()
	size, err := pageSize(q)
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	want, err := spaceTypeFilter(q.Get("filter"))
	if err != nil {
		badRequest(w, err.Error())
		return
	}
	types := make([]string, 0, len(want))
	for _, t := range []string{SpaceTypeSpace, SpaceTypeGroupChat, SpaceTypeDirectMessage} {
		if want[t] {
			types = append(types, t)
		}
	}
	fp := fingerprint("spaces", g.UserID, strings.Join(types, ","))
	offset, err := pageOffset(q, fp)
	if err != nil {
		badRequest(w, err.Error())
		return
	}

	s.mu.Lock()
	var visible []*chatSpace
	for _, sp := range s.chat.order {
		if sp.listedFor(g.UserID) && (want == nil || want[sp.Type]) {
			visible = append(visible, sp)
		}
	}
	items, next := page(visible, offset, size, fp)
	resp := struct {
		Spaces        []wireSpace `json:"spaces,omitempty"`
		NextPageToken string      `json:"nextPageToken,omitempty"`
	}{Spaces: make([]wireSpace, 0, len(items)), NextPageToken: next}
	for _, sp := range items {
		resp.Spaces = append(resp.Spaces, sp.wire())
	}
	s.mu.Unlock()
	writeChatJSON(w, http.StatusOK, resp)
}

func (s *Server) chatGetSpace(w http.ResponseWriter, r *http.Request) {
	g, ok := s.chatAuth(w, r, rpcGetSpace, []string{scopeAdminSpaces, scopeAdminSpacesReadonly},
		scopeSpacesReadonly, scopeSpaces)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sp, ok := s.lookupSpace(w, r, g)
	if !ok {
		return
	}
	writeChatJSON(w, http.StatusOK, sp.wire())
}
