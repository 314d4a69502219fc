package session

import (
	"context"

	"chatmembers/backend/auth"
	"chatmembers/backend/chat"
)

// The calls the bound structs in package main make (app.go), through Call as they do.

func listSpaces(w *Session) ([]chat.Space, error) {
	return Call(context.Background(), w, Action{Name: "spaces.list", Timeout: ListTimeout},
		func(ctx context.Context, c *chat.Service) ([]chat.Space, error) { return c.ListSpaces(ctx) })
}

func spaceLabels(w *Session, spaces []string) (map[string]string, error) {
	return Call(context.Background(), w, Action{Name: "spaces.labels", Timeout: ListTimeout},
		func(ctx context.Context, c *chat.Service) (map[string]string, error) {
			return c.SpaceLabels(ctx, spaces, w.Self())
		})
}

func addPerson(w *Session, space, person string) (chat.Membership, error) {
	return Call(context.Background(), w, Action{Name: "members.add_person", RetryScope: auth.ScopeMemberships},
		func(ctx context.Context, c *chat.Service) (chat.Membership, error) {
			return c.AddPerson(ctx, space, person)
		})
}

func addApp(w *Session, space string) (chat.Membership, error) {
	if err := chat.ValidateSpaceName(space); err != nil {
		return chat.Membership{}, err
	}
	return Call(context.Background(), w, Action{Name: "members.add_app", Scope: auth.ScopeMembershipsApp},
		func(ctx context.Context, c *chat.Service) (chat.Membership, error) { return c.AddApp(ctx, space) })
}
