package chat

import (
	"testing"

	chatapi "google.golang.org/api/chat/v1"
)

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
