package chat

import (
	"context"
	"fmt"

	chatapi "google.golang.org/api/chat/v1"
)

const (
	listPageSize = 1000 // Google's maximum for spaces.list
	// maxSpaces stops a listing that never ends (a server that keeps sending next-page tokens).
	// Nobody is a member of this many spaces.
	maxSpaces = 100_000
	// maxPages stops a server that sends endless nearly empty pages.
	maxPages = 2_000
)

// ListSpaces returns every space the signed-in person is a member of (spaces, group chats and
// direct messages), following all pages. DMs have an empty DisplayName: the frontend labels them.
func (s *Service) ListSpaces(ctx context.Context) ([]Space, error) {
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	c := call{scope: ScopeSpacesReadonly}
	out := []Space{}
	seen := map[string]bool{}
	token := ""
	for {
		if err := ctx.Err(); err != nil {
			return nil, toProblem(err, c)
		}
		req := s.api.Spaces.List().PageSize(listPageSize).Context(ctx)
		if token != "" {
			req = req.PageToken(token)
		}
		var resp *chatapi.ListSpacesResponse
		err := s.retry.run(ctx, func() (err error) {
			resp, err = req.Do()
			return err
		})
		if err != nil {
			return nil, toProblem(err, c)
		}
		for _, sp := range resp.Spaces {
			if sp != nil {
				out = append(out, fromAPISpace(sp))
			}
		}
		token = resp.NextPageToken
		if token == "" {
			break
		}
		if seen[token] {
			return nil, probBadResponse.WithDetail(fmt.Sprintf("spaces.list repeated a page token after %d spaces", len(out)))
		}
		seen[token] = true
		if len(out) >= maxSpaces || len(seen) >= maxPages {
			return nil, probTooManySpaces.WithDetail(fmt.Sprintf("spaces.list still had more pages after %d spaces in %d pages", len(out), len(seen)))
		}
	}
	s.spaces.put(out...)
	return out, nil
}

// GetSpace returns one space by resource name ("spaces/AAAA").
func (s *Service) GetSpace(ctx context.Context, name string) (Space, error) {
	if err := ValidateSpaceName(name); err != nil {
		return Space{}, err
	}
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	var sp *chatapi.Space
	err := s.retry.run(ctx, func() (err error) {
		sp, err = s.api.Spaces.Get(name).Context(ctx).Do()
		return err
	})
	if err != nil {
		return Space{}, toProblem(err, call{scope: ScopeSpacesReadonly, space: name})
	}
	out := fromAPISpace(sp)
	s.spaces.put(out)
	return out, nil
}

// knownSpace returns the space from the cache, or fetches it.
func (s *Service) knownSpace(ctx context.Context, name string) (Space, error) {
	if sp, ok := s.spaces.get(name); ok {
		return sp, nil
	}
	return s.GetSpace(ctx, name)
}

func fromAPISpace(sp *chatapi.Space) Space {
	t := SpaceType(sp.SpaceType)
	if t == "" { // the deprecated field, still sent by some servers
		switch {
		case sp.Type == "ROOM":
			t = TypeSpace
		case sp.Type == "DM" || sp.SingleUserBotDm:
			t = TypeDirectMessage
		}
	}
	name := sp.DisplayName
	if t == TypeDirectMessage {
		name = "" // Google sends none; say so plainly rather than pass on anything odd
	}
	return Space{
		Name:                sp.Name,
		DisplayName:         name,
		Type:                t,
		URI:                 sp.SpaceUri,
		ExternalUserAllowed: sp.ExternalUserAllowed,
	}
}

// Probe makes the smallest Chat API call there is (one space of spaces.list) and returns its
// problem, if any: the setup guide's check that the Chat API is on and a Chat app configured.
func (s *Service) Probe(ctx context.Context) error {
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	err := s.retry.run(ctx, func() error {
		_, err := s.api.Spaces.List().PageSize(1).Context(ctx).Do()
		return err
	})
	if err != nil {
		return toProblem(err, call{scope: ScopeSpacesReadonly})
	}
	return nil
}
