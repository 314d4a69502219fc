package chat

// Labels for conversations without a name. Google sends no displayName for group chats and
// direct messages; Google Chat itself names them by their members ("Alice Smith, Bob Jones",
// or the other person in a DM). This file builds the same label from spaces.members.list.

import (
	"context"
	"fmt"
	"strings"
	"sync"

	chatapi "google.golang.org/api/chat/v1"
)

// Self is the signed-in person, left out of a conversation's label as Chat leaves you out.
type Self struct {
	Email string
	// UserID is Google's user id (the ID token's sub), bare or as "users/123"; Chat's user
	// resource names use the same id.
	UserID string
}

func (me Self) is(u *chatapi.User) bool {
	id := strings.TrimPrefix(me.UserID, "users/")
	if id != "" && u.Name == "users/"+id {
		return true
	}
	return me.Email != "" && u.Email != "" && strings.EqualFold(strings.TrimSpace(me.Email), u.Email)
}

const (
	membersPageSize = 1000 // Google's maximum for spaces.members.list
	// maxLabelPages stops a server that keeps sending next-page tokens for one space.
	maxLabelPages = 200
	// labelWorkers bounds the member listings of one SpaceLabels call that run at once, so a
	// long list of group chats does not burst past Google's 3,000 membership reads per minute.
	labelWorkers = 4
)

// SpaceLabel names a conversation by its members other than me, in the order Google lists them:
// each by display name, else email, else user resource name. It lists every page of
// spaces.members.list (joined members only, as Chat shows them). When no member other than me
// has a display name or an email (real Google fills neither for people with user
// authentication), the label is "": a row of numeric ids would say less than "Group chat".
func (s *Service) SpaceLabel(ctx context.Context, space string, me Self) (string, error) {
	if err := ValidateSpaceName(space); err != nil {
		return "", err
	}
	c := call{scope: ScopeMemberships, space: space}
	var names []string
	readable := false
	seen := map[string]bool{}
	token := ""
	for {
		req := s.api.Spaces.Members.List(space).PageSize(membersPageSize).Context(ctx)
		if token != "" {
			req = req.PageToken(token)
		}
		resp, err := req.Do()
		if err != nil {
			return "", toProblem(err, c)
		}
		for _, m := range resp.Memberships {
			if m == nil || m.Member == nil || me.is(m.Member) {
				continue
			}
			u := m.Member
			switch {
			case strings.TrimSpace(u.DisplayName) != "":
				names, readable = append(names, strings.TrimSpace(u.DisplayName)), true
			case u.Email != "":
				names, readable = append(names, u.Email), true
			case u.Name != "":
				names = append(names, u.Name)
			}
		}
		token = resp.NextPageToken
		if token == "" {
			break
		}
		if seen[token] || len(seen) >= maxLabelPages {
			return "", probBadResponse.WithDetail(fmt.Sprintf("spaces.members.list of %s: repeated or endless page tokens after %d pages", space, len(seen)))
		}
		seen[token] = true
	}
	if !readable {
		return "", nil
	}
	return strings.Join(names, ", "), nil
}

// SpaceLabels labels several conversations (see SpaceLabel), a few at a time. The result has an
// entry for each space that got a non-empty label. One space failing does not spoil the others;
// the error is returned only when no space could be labelled, so the caller still learns of a
// sign-in that is gone.
func (s *Service) SpaceLabels(ctx context.Context, spaces []string, me Self) (map[string]string, error) {
	out := map[string]string{}
	var (
		mu       sync.Mutex
		firstErr error
		failed   int
		wg       sync.WaitGroup
	)
	work := make(chan string)
	for range min(labelWorkers, len(spaces)) {
		wg.Go(func() {
			for name := range work {
				label, err := s.SpaceLabel(ctx, name, me)
				mu.Lock()
				if err != nil {
					failed++
					if firstErr == nil {
						firstErr = err
					}
				} else if label != "" {
					out[name] = label
				}
				mu.Unlock()
			}
		})
	}
	for _, name := range spaces {
		work <- name
	}
	close(work)
	wg.Wait()
	if failed > 0 && failed == len(spaces) {
		return out, firstErr
	}
	return out, nil
}
