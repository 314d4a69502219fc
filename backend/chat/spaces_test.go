package chat

import (
	"testing"

	chatapi "google.golang.org/api/chat/v1"
)

func TestFilterSpaces(t *testing.T) {
	all := []Space{
		{Name: "spaces/AAA111", DisplayName: "Café Team", Type: TypeSpace},
		{Name: "spaces/BBB222", DisplayName: "Marketing – Q3 plans", Type: TypeSpace},
		{Name: "spaces/CCC333", DisplayName: "Ёлка 2026", Type: TypeSpace},
		{Name: "spaces/DDD444", DisplayName: "", Type: TypeDirectMessage},
		{Name: "spaces/EEE555", DisplayName: "Team lunch", Type: TypeGroupChat},
		{Name: "spaces/FFF666", DisplayName: "Straße Project", Type: TypeSpace},
	}
	names := func(ss []Space) []string {
		out := []string{}
		for _, s := range ss {
			out = append(out, s.Name)
		}
		return out
	}
	cases := []struct {
		query, typ string
		want       []string
	}{
		{"", "", []string{"spaces/AAA111", "spaces/BBB222", "spaces/CCC333", "spaces/DDD444", "spaces/EEE555", "spaces/FFF666"}},
		{"   ", "", []string{"spaces/AAA111", "spaces/BBB222", "spaces/CCC333", "spaces/DDD444", "spaces/EEE555", "spaces/FFF666"}},
		{"team", "", []string{"spaces/AAA111", "spaces/EEE555"}},
		{"TEAM", TypeSpace, []string{"spaces/AAA111"}},
		{"team", "group_chat", []string{"spaces/EEE555"}},
		{"cafe", "", []string{"spaces/AAA111"}},
		{"CAFÉ", "", []string{"spaces/AAA111"}},
		{"елка", "", []string{"spaces/CCC333"}},
		{"strasse", "", []string{"spaces/FFF666"}},
		{"  q3   marketing ", "", []string{"spaces/BBB222"}},
		{"marketing lunch", "", []string{}},
		{"bbb222", "", []string{"spaces/BBB222"}},
		{"spaces/ccc", "", []string{"spaces/CCC333"}},
		{"https://chat.google.com/room/AAA111?cls=7", "", []string{"spaces/AAA111"}},
		{"mail.google.com/chat/u/0/#chat/space/EEE555", "", []string{"spaces/EEE555"}},
		{"", TypeDirectMessage, []string{"spaces/DDD444"}},
		{"nothing-like-this", "", []string{}},
		{"team", "NO_SUCH_TYPE", []string{}},
	}
	for _, c := range cases {
		got := names(FilterSpaces(all, c.query, c.typ))
		if len(got) != len(c.want) {
			t.Errorf("FilterSpaces(%q, %q) = %v, want %v", c.query, c.typ, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("FilterSpaces(%q, %q) = %v, want %v", c.query, c.typ, got, c.want)
				break
			}
		}
	}
	if got := FilterSpaces(nil, "x", ""); got == nil {
		t.Error("FilterSpaces returned nil; the frontend wants [] not null")
	}
}

func TestFromAPISpace(t *testing.T) {
	cases := []struct {
		in   chatapi.Space
		want Space
	}{
		{chatapi.Space{Name: "spaces/A", DisplayName: "A", SpaceType: "SPACE", SpaceUri: "https://chat.google.com/room/A?cls=11", ExternalUserAllowed: true},
			Space{Name: "spaces/A", DisplayName: "A", Type: TypeSpace, URI: "https://chat.google.com/room/A?cls=11", ExternalUserAllowed: true}},
		{chatapi.Space{Name: "spaces/D", SpaceType: "DIRECT_MESSAGE"}, Space{Name: "spaces/D", Type: TypeDirectMessage}},
		{chatapi.Space{Name: "spaces/R", DisplayName: "Old", Type: "ROOM"}, Space{Name: "spaces/R", DisplayName: "Old", Type: TypeSpace}},
		{chatapi.Space{Name: "spaces/M", Type: "DM", DisplayName: "x"}, Space{Name: "spaces/M", Type: TypeDirectMessage}},
	}
	for _, c := range cases {
		if got := fromAPISpace(&c.in); got != c.want {
			t.Errorf("fromAPISpace(%+v) = %+v, want %+v", c.in, got, c.want)
		}
	}
}
