//go:generate go run ./cmd/problemgen

package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"chatmembers/backend/about"
	"chatmembers/backend/adding"
	"chatmembers/backend/auth"
	"chatmembers/backend/browser"
	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/diagnostics"
	"chatmembers/backend/directory"
	"chatmembers/backend/emulator"
	"chatmembers/backend/jobs"
	"chatmembers/backend/journal"
	"chatmembers/backend/logfile"
	"chatmembers/backend/plan"
	"chatmembers/backend/recipients"
	"chatmembers/backend/session"
	"chatmembers/backend/setup"
	"chatmembers/backend/table"
)

// The frontend calls one bound struct per feature (window.go.main.<Feature>.<Method>); each
// method is a few lines that delegate to a backend service. They share a host: the session
// (which world, the sign-in) and the context and desktop of this run.
//
// To add a feature: a struct here holding *host, a method per call that names the action and
// delegates through session.Call (deadline, scopes, sign-in, log line), its value in
// App.bound(), then `wails generate module` and `go generate ./...`.

// host is what the bound structs share. ctx and desk are set by startup, before the frontend
// can call anything.
type host struct {
	s    *session.Session
	ctx  context.Context
	desk desktop
}

// App is the run's lifecycle (startup, shutdown) and the list of bound structs; it is not
// bound itself.
type App struct {
	h         *host
	startDemo bool
}

// NewApp creates the App around a session.
func NewApp(s *session.Session, startDemo bool) *App {
	return &App{h: &host{s: s, ctx: context.Background()}, startDemo: startDemo}
}

// bound is every struct whose methods the frontend calls, the same in the window build (Wails'
// Bind) and the browser bridge, so `wails generate module` describes both.
func (a *App) bound() []any {
	return []any{&Session{a.h}, &Spaces{a.h}, &Members{a.h}, &Directory{a.h}, &Setup{a.h}, &Help{a.h}, &Jobs{a.h}, &History{a.h}, &Bulk{a.h}}
}

// enums are the Go string types the frontend receives, bound so that TypeScript gets them as
// enums in wailsjs/go/models.ts (Wails' EnumBind).
func enums() []any {
	return append(append(append(chat.Enums(), session.Enums()...), setup.Enums()...), append(journal.Enums(), plan.Enums()...)...)
}

func (a *App) startup(ctx context.Context, desk desktop) {
	a.h.ctx, a.h.desk = ctx, desk
	s := a.h.s
	opener := browser.Opener{Fallback: desk.OpenURL}
	s.SetBrowser(opener.Open, func(u string) { desk.Emit("auth:url", u) })
	s.OnBrowserFailed(func(u string) { desk.Emit("auth:browser_failed", u) })
	s.OnChange(func(st session.Status) { desk.Emit(session.ChangedEvent, st) })
	s.OnJobProgress(func(p jobs.Progress) { desk.Emit(session.JobProgressEvent, p) })
	if a.startDemo {
		_, _ = s.UseDemo()
	} else {
		s.Restore()
	}
}

func (a *App) shutdown(context.Context) { a.h.s.Close() }

// Session is choosing the workspace and signing in and out. Changes are also pushed as the
// session:changed event (session.ChangedEvent), whoever caused them.
type Session struct{ h *host }

// Status tells which screen to show.
func (x *Session) Status() session.Status { return x.h.s.Status() }

// UseDemo switches to the bundled demo workspace.
func (x *Session) UseDemo() (session.Status, error) { return x.h.s.UseDemo() }

// ChooseClientSecret opens a file dialog for client_secret.json and switches to your workspace.
// Closing the dialog changes nothing and answers workspace.no_file.
func (x *Session) ChooseClientSecret() (session.Status, error) {
	s := x.h.s
	if err := s.CheckLiveAllowed(); err != nil {
		return s.Status(), err
	}
	title, filter := session.SecretDialogText(session.SystemLanguage())
	path, err := x.h.desk.OpenFileDialog(title, filter, "*.json")
	if err != nil {
		return s.Status(), session.ErrDialog(err)
	}
	if path == "" {
		return s.Status(), session.ErrNoFile()
	}
	return s.ImportClientSecretFile(path)
}

// SignIn runs the browser sign-in; "auth:url" carries the URL to show as a fallback link.
func (x *Session) SignIn() (session.Status, error) { return x.h.s.SignIn(x.h.ctx) }

// CancelSignIn abandons a running sign-in.
func (x *Session) CancelSignIn() { x.h.s.CancelSignIn() }

// SignOut revokes and forgets the tokens.
func (x *Session) SignOut() (session.Status, error) { return x.h.s.SignOut(x.h.ctx) }

// Accounts lists the remembered accounts (also in every Status); Status.AccountID is the active one.
func (x *Session) Accounts() []session.AccountEntry { return x.h.s.Accounts() }

// SwitchAccount makes a remembered account the active one, without a new import or sign-in.
func (x *Session) SwitchAccount(id string) (session.Status, error) { return x.h.s.SwitchAccount(id) }

// AddAccount signs in one more account in the browser with the client in use; it becomes active.
func (x *Session) AddAccount() (session.Status, error) { return x.h.s.AddAccount(x.h.ctx) }

// SignOutAccount revokes and forgets one account's tokens; the others are untouched.
func (x *Session) SignOutAccount(id string) (session.Status, error) {
	return x.h.s.SignOutAccount(x.h.ctx, id)
}

// SetAdmin switches administrator mode. On asks for the chat.admin.* permissions (once) and
// checks the account's Chat administrator privilege at Google: without it, chat.not_admin and
// the mode stays off. Off is immediate. The mode is Status.Admin (also in session:changed).
func (x *Session) SetAdmin(on bool) (session.Status, error) { return x.h.s.SetAdmin(x.h.ctx, on) }

// Language is the OS language ("en", "ru", ...), for the initial UI language.
func (x *Session) Language() string { return session.SystemLanguage() }

// Spaces is the list of spaces the user belongs to.
type Spaces struct{ h *host }

// ListSpaces returns every space the user belongs to.
func (x *Spaces) ListSpaces() ([]chat.Space, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "spaces.list", Timeout: session.ListTimeout},
		func(ctx context.Context, c *chat.Service) ([]chat.Space, error) { return c.ListSpaces(ctx) })
}

// SpaceLabels names group chats and direct messages (which have no name) by their other members.
func (x *Spaces) SpaceLabels(spaces []string) (map[string]string, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "spaces.labels", Timeout: session.ListTimeout},
		func(ctx context.Context, c *chat.Service) (map[string]string, error) {
			return c.SpaceLabels(ctx, spaces, x.h.s.Self())
		})
}

// Search finds, in administrator mode, the organisation's named spaces whose name has the
// words of text ("" for all), one page at a time: pass the previous page's NextPageToken.
func (x *Spaces) Search(text, pageToken string) (chat.SpacePage, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "spaces.search", Admin: true, Scope: auth.ScopeAdminSpacesReadonly},
		func(ctx context.Context, c *chat.Service) (chat.SpacePage, error) {
			return c.SearchSpaces(ctx, text, pageToken)
		})
}

// OpenInBrowser opens a space's Google Chat link in the system browser.
func (x *Spaces) OpenInBrowser(url string) error { return x.h.s.OpenLink(url) }

// Members is adding people and the Chat app to a space.
type Members struct{ h *host }

// CheckPeople reads what was typed or pasted for "who to add" (one address, or a list with
// commas, semicolons, new lines, `Name <address>`) and checks every entry as the request
// would, so the UI shows each verdict before sending; nothing is sent here.
func (x *Members) CheckPeople(text string) recipients.Check { return recipients.Parse(text) }

// AddApp adds the calling Chat app to a space, asking for the extra permission first if needed.
func (x *Members) AddApp(space string) (chat.Membership, error) {
	if err := chat.ValidateSpaceName(space); err != nil {
		return chat.Membership{}, err // before any permission page
	}
	m, err := session.Call(x.h.ctx, x.h.s, session.Action{Name: "members.add_app", Scope: auth.ScopeMembershipsApp},
		func(ctx context.Context, c *chat.Service) (chat.Membership, error) { return c.AddApp(ctx, space) })
	x.h.s.RecordAdds(space, "", []adding.Outcome{session.AppOutcome(m, err)})
	return m, err
}

// memberScope is the permission a member action asks for first: none for the user's own
// access (chat.memberships is part of the sign-in), the administrator scope with admin access,
// asked for only when administrator mode is used. The admin listing asks for
// chat.admin.memberships rather than .readonly because the list offers its actions: one
// consent page, not two.
func memberScope(admin bool) string {
	if admin {
		return auth.ScopeAdminMemberships
	}
	return ""
}

// memberRetryScope: a sign-in from before chat.memberships was needed asks for it once.
func memberRetryScope(admin bool) string {
	if admin {
		return ""
	}
	return auth.ScopeMemberships
}

// List returns every member of a space (people, Google Groups, apps, invitations), sorted, with
// the user's own row and role and what they may do to each; admin lists with administrator
// access.
func (x *Members) List(space string, admin bool) (chat.MemberList, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "members.list", Timeout: session.ListTimeout,
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin)},
		func(ctx context.Context, c *chat.Service) (chat.MemberList, error) {
			return c.ListMembers(ctx, space, chat.ListMembersOptions{Admin: admin})
		})
}

// SetRole gives a member (a membership name from List) the role Member, Manager or Owner.
func (x *Members) SetRole(membership string, role chat.Role, admin bool) (chat.Member, error) {
	m, err := session.Call(x.h.ctx, x.h.s, session.Action{Name: "members.set_role",
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin)},
		func(ctx context.Context, c *chat.Service) (chat.Member, error) {
			return c.SetRole(ctx, membership, role, chat.ManageOptions{Admin: admin})
		})
	x.h.s.RecordMemberChange(bulk.OpSetRole, membership, role, m, err)
	return m, err
}

// Remove takes a member out of their space; removing oneself needs confirmedSelf (the second
// confirmation the UI asked for).
func (x *Members) Remove(membership string, confirmedSelf, admin bool) (chat.Member, error) {
	m, err := session.Call(x.h.ctx, x.h.s, session.Action{Name: "members.remove",
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin)},
		func(ctx context.Context, c *chat.Service) (chat.Member, error) {
			return c.RemoveMember(ctx, membership, chat.RemoveOptions{ConfirmedSelf: confirmedSelf, Admin: admin})
		})
	x.h.s.RecordMemberChange(bulk.OpRemove, membership, "", m, err)
	return m, err
}

// CancelInvitation withdraws an invitation not yet accepted.
func (x *Members) CancelInvitation(membership string, admin bool) (chat.Member, error) {
	m, err := session.Call(x.h.ctx, x.h.s, session.Action{Name: "members.cancel_invitation",
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin)},
		func(ctx context.Context, c *chat.Service) (chat.Member, error) {
			return c.CancelInvitation(ctx, membership, chat.ManageOptions{Admin: admin})
		})
	x.h.s.RecordMemberChange(bulk.OpRemove, membership, "", m, err)
	return m, err
}

// Add adds people and Google Groups (entries as CheckPeople returned them) to a space with a
// role, one outcome per entry: a bad entry fails alone. Asks for the groups permission the
// first time an address turns out to be a group's. admin adds with administrator access
// (administrator mode): the app and outside addresses are refused before sending.
func (x *Members) Add(space string, entries []string, role chat.Role, admin bool) ([]adding.Outcome, error) {
	s := x.h.s
	scope := auth.ScopeMemberships
	if admin {
		scope = auth.ScopeAdminMemberships
	}
	out, err := session.Call(x.h.ctx, s, session.Action{Name: "members.add", Timeout: adding.Timeout(len(entries)), Scope: scope, Admin: admin},
		func(ctx context.Context, c *chat.Service) ([]adding.Outcome, error) {
			d, err := s.Directory()
			if err != nil {
				return nil, err
			}
			return adding.Add(ctx, adding.Deps{Chat: c, Directory: d, Ask: s.Ask, Admin: admin}, space, adding.Auto(entries), role)
		})
	s.RecordAdds(space, role, out)
	return out, err
}

// Directory is finding colleagues in the organisation's directory.
type Directory struct{ h *host }

// Suggest returns up to SuggestLimit colleagues whose name or address starts with the words of
// query, asking for the directory permission the first time.
func (x *Directory) Suggest(query string) ([]directory.Person, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "directory.suggest", Scope: auth.ScopeDirectoryReadonly},
		func(ctx context.Context, _ *chat.Service) ([]directory.Person, error) {
			d, err := x.h.s.Directory()
			if err != nil {
				return nil, err
			}
			return d.SearchPeople(ctx, query, SuggestLimit)
		})
}

// SuggestLimit is how many suggestions the add form shows at most.
const SuggestLimit = 8

// Jobs is bulk work: many people into many spaces at Google's pace, recorded row by row so a
// job survives a crash. Progress is pushed as the jobs:progress event (session.JobProgressEvent).
type Jobs struct{ h *host }

// Start records a job of items (from the bulk input, checked) and starts it; it goes on after
// this returns. admin runs it with administrator access.
func (x *Jobs) Start(items []bulk.Item, admin bool) (journal.Job, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "jobs.start", Scope: memberScope(admin), Admin: admin},
		func(_ context.Context, c *chat.Service) (journal.Job, error) {
			return x.h.s.StartJob(c, journal.KindBulkAdd, items, admin)
		})
}

// Pause stops new calls of a running job; calls in flight finish and are recorded.
func (x *Jobs) Pause(job int64) (journal.Job, error) {
	return jobCall(x.h, "jobs.pause", func() (journal.Job, error) { return x.h.s.PauseJob(job) })
}

// Resume goes on with a paused job, or one left unfinished by an earlier run of the app (its
// rows in flight checked with Google first). Another account's job is refused.
func (x *Jobs) Resume(job int64) (journal.Job, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "jobs.resume"},
		func(_ context.Context, c *chat.Service) (journal.Job, error) { return x.h.s.ResumeJob(c, job) })
}

// Cancel stops a job: calls in flight finish and are recorded, rows not sent are cancelled.
func (x *Jobs) Cancel(job int64) (journal.Job, error) {
	return jobCall(x.h, "jobs.cancel", func() (journal.Job, error) { return x.h.s.CancelJob(job) })
}

// RetryFailed starts a new job of a job's failed rows.
func (x *Jobs) RetryFailed(job int64) (journal.Job, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "jobs.retry_failed"},
		func(_ context.Context, c *chat.Service) (journal.Job, error) { return x.h.s.RetryFailed(c, job) })
}

// Progress is a job's latest counts, rate and time left.
func (x *Jobs) Progress(job int64) (jobs.Progress, error) {
	return jobCall(x.h, "jobs.progress", func() (jobs.Progress, error) { return x.h.s.JobProgress(job) })
}

// Rows are a job's rows and what became of each (the result table).
func (x *Jobs) Rows(job int64) ([]journal.Row, error) {
	return jobCall(x.h, "jobs.rows", func() ([]journal.Row, error) { return x.h.s.JobRows(job) })
}

// Unfinished are the signed-in account's jobs that can be resumed, newest first.
func (x *Jobs) Unfinished() ([]journal.Job, error) {
	return jobCall(x.h, "jobs.unfinished", x.h.s.UnfinishedJobs)
}

// Recent are the signed-in account's latest jobs, newest first.
func (x *Jobs) Recent() ([]journal.Job, error) {
	return jobCall(x.h, "jobs.recent", func() ([]journal.Job, error) { return x.h.s.RecentJobs(RecentJobs) })
}

// Export saves a job's rows (the result table) as a CSV file where the person chooses (a save
// dialog; the browser bridge saves into the download folder) and returns its path; "" when the
// dialog was closed. names are the spaces' and problems' texts as the UI shows them.
func (x *Jobs) Export(job int64, names session.ExportNames) (string, error) {
	return jobCall(x.h, "jobs.export", func() (string, error) {
		return saveCSV(x.h, session.ExportFileName("job", job, time.Now()), func(path string) error {
			return x.h.s.ExportJob(job, path, names)
		})
	})
}

// saveCSV asks where to save and has write write the file there.
func saveCSV(h *host, name string, write func(path string) error) (string, error) {
	path, err := h.desk.SaveFileDialog(session.ExportDialogTitle(session.SystemLanguage()), name)
	if err != nil {
		return "", session.ErrDialog(err)
	}
	if path == "" {
		return "", nil
	}
	return path, write(path)
}

// RecentJobs is how many jobs Jobs.Recent lists.
const RecentJobs = 50

// jobCall runs a jobs or history action that needs no call to Google through session.Call, for
// its sign-in check and log line.
func jobCall[T any](h *host, name string, f func() (T, error)) (T, error) {
	return session.Call(h.ctx, h.s, session.Action{Name: name},
		func(context.Context, *chat.Service) (T, error) { return f() })
}

// Bulk is the input of a bulk job and the plan of a sync: a list read and checked row by row
// before anything is sent (only reads reach Google), then started as a job (Jobs shows it).
type Bulk struct{ h *host }

// PreviewTimeout bounds a preview: the spaces, every member list the list names and its groups.
const PreviewTimeout = 5 * time.Minute

// Preview reads src (a paste, a file, spaces × people, or records to check again) and gives each
// row its verdict. admin checks with administrator access.
func (x *Bulk) Preview(src session.BulkSource, admin bool) (session.BulkPreview, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "bulk.preview", Timeout: PreviewTimeout,
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin), Admin: admin},
		func(ctx context.Context, c *chat.Service) (session.BulkPreview, error) {
			return x.h.s.BulkPreview(ctx, c, src, admin)
		})
}

// ReadRow reads one row as the table reads a file with the columns person, space, role: a
// preview's row fixed by hand, to check again with Preview (several records when the person
// cell holds several addresses).
func (x *Bulk) ReadRow(row int, person, space, role string) []table.Record {
	cols := []table.Column{table.ColPerson, table.ColSpace, table.ColRole}
	return table.ReadRow(row, cols, []string{person, space, role})
}

// ChooseFile opens the file dialog for a CSV list and returns its path ("" when closed).
func (x *Bulk) ChooseFile() (string, error) {
	title, filter := session.BulkDialogText(session.SystemLanguage())
	path, err := x.h.desk.OpenFileDialog(title, filter, "*.csv;*.txt;*.tsv")
	if err != nil {
		return "", session.ErrDialog(err)
	}
	return path, nil
}

// MaxFileBytes is the largest list file read, for the page to refuse a bigger one before
// reading it.
func (x *Bulk) MaxFileBytes() int { return table.MaxBytes }

// SyncPlan plans how to make space's membership match src; nothing is sent.
func (x *Bulk) SyncPlan(space string, src session.BulkSource, opts plan.SyncOptions, admin bool) (session.SyncPreview, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "bulk.sync_plan", Timeout: PreviewTimeout,
		Scope: memberScope(admin), RetryScope: memberRetryScope(admin), Admin: admin},
		func(ctx context.Context, c *chat.Service) (session.SyncPreview, error) {
			return x.h.s.SyncPlan(ctx, c, space, src, opts, admin)
		})
}

// StartSync starts a confirmed sync plan's items as a job (Jobs shows its progress).
func (x *Bulk) StartSync(items []bulk.Item, admin bool) (journal.Job, error) {
	return session.Call(x.h.ctx, x.h.s, session.Action{Name: "bulk.start_sync", Scope: memberScope(admin), Admin: admin},
		func(_ context.Context, c *chat.Service) (journal.Job, error) { return x.h.s.StartSync(c, items, admin) })
}

// History is every change the app made, recorded on this computer.
type History struct{ h *host }

// Search returns the changes that match q (space, person, operation, outcome, account, dates),
// newest first.
func (x *History) Search(q journal.Query) ([]journal.Entry, error) {
	return jobCall(x.h, "history.search", func() ([]journal.Entry, error) { return x.h.s.History(q) })
}

// ExportRows are the changes that match q as rows for a CSV file, the header first.
func (x *History) ExportRows(q journal.Query) ([][]string, error) {
	return jobCall(x.h, "history.export_rows", func() ([][]string, error) { return x.h.s.HistoryRows(q) })
}

// Export saves the changes that match q as a CSV file (see Jobs.Export) and returns its path;
// "" when the dialog was closed.
func (x *History) Export(q journal.Query, names session.ExportNames) (string, error) {
	return jobCall(x.h, "history.export", func() (string, error) {
		return saveCSV(x.h, session.ExportFileName("history", 0, time.Now()), func(path string) error {
			return x.h.s.ExportHistory(q, path, names)
		})
	})
}

// Setup is the Google Cloud setup guide.
type Setup struct{ h *host }

// Check runs the guide's checks on the workspace in use and returns every step's state.
func (x *Setup) Check() setup.Guide { return x.h.s.CheckSetup(x.h.ctx) }

// StepOf is the setup step a problem code shows missing ("" when it is not about the setup), so
// the app can open the guide at that step wherever the problem appears.
func (x *Setup) StepOf(code string) setup.StepID {
	step, _ := setup.StepOf(code)
	return step
}

// Open opens a guide step's Google Cloud console page (a link Check gave) in the system browser.
func (x *Setup) Open(link string) error { return x.h.s.OpenSetupLink(link) }

// Practise switches to the demo workspace with one setup step missing ("" for none): a state
// of emulator.SetupStates.
func (x *Setup) Practise(state string) (session.Status, error) { return x.h.s.PractiseSetup(state) }

// PractiseStates lists the setup steps the demo can pretend are missing, for Practise.
func (x *Setup) PractiseStates() []string {
	var out []string
	for _, st := range emulator.SetupStates() {
		out = append(out, string(st))
	}
	return out
}

// Help is the About panel and Copy diagnostics; neither reaches Google.
type Help struct{ h *host }

// About is the version and the licences of the bundled parts.
func (x *Help) About() about.Info {
	return about.Info{Version: about.Version(wailsJSON), Parts: about.Parts()}
}

// Diagnostics is the text a person can send when asking for help: version, system, mode, the
// last problem codes and the log file's path; no account, address, token or secret.
func (x *Help) Diagnostics() string {
	home, _ := os.UserHomeDir()
	logPath := ""
	if dir, err := logfile.Dir(); err == nil {
		logPath = filepath.Join(dir, logfile.Name)
	}
	return diagnostics.Text(diagnostics.Info{Version: about.Version(wailsJSON),
		System: diagnostics.System(runtime.GOOS, runtime.GOARCH), Mode: string(x.h.s.Status().Mode),
		Problems: x.h.s.RecentProblems(), LogPath: logPath, Home: home})
}
