package chat

import "context"

// CheckAdmin asks Google whether the signed-in account may use admin access, with the smallest
// real request that needs the privilege: one space of spaces.search. The privilege is held (or
// not) at Google; the scopes alone do not say, as anyone may grant them to the app. Problems:
// chat.not_admin for an account without the privilege, chat.scope_missing, the usual others.
func (s *Service) CheckAdmin(ctx context.Context) error {
	ctx, cancel := s.retry.bound(ctx)
	defer cancel()
	req := s.api.Spaces.Search().UseAdminAccess(true).Query(orgSpacesQuery).PageSize(1).Context(ctx)
	err := s.retry.run(ctx, func() error {
		_, err := req.Do()
		return err
	})
	if err != nil {
		return adminProblem(err, call{scope: ScopeAdminSpacesReadonly})
	}
	return nil
}
