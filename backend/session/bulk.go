package session

// The bulk input and the sync plan for the bound Bulk struct: read the list (a paste, a file
// chosen with the dialog, a file's bytes from the page, or spaces ticked × people typed), fetch
// what package plan needs (the spaces, the member lists of the spaces named, the groups named by
// address) and check it. Nothing is sent but reads; the reads of member lists go through the
// session's scheduler (its transport), so a preview spends read quota like a job does and waits
// out a quota refusal with it.

import (
	"context"
	"encoding/base64"
	"os"
	"strings"
	"sync"

	"chatmembers/backend/auth"
	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/directory"
	"chatmembers/backend/journal"
	"chatmembers/backend/plan"
	"chatmembers/backend/problem"
	"chatmembers/backend/recipients"
	"chatmembers/backend/schedule"
	"chatmembers/backend/table"
)

// BulkSource is the list a preview or a sync reads: the first of Records, Group (a sync's only),
// Spaces, FileBase64, Path and Text that is set.
type BulkSource struct {
	// Records are a list already read (a preview's records, with a row fixed), checked again.
	Records []table.Record `json:"records"`
	// Group is a Google Group's address whose members are a sync's list (SyncPlan reads them).
	Group string `json:"group"`
	// Spaces (resource names, ticked in the list) × People (the add form's entries) with Role.
	Spaces []string `json:"spaces"`
	People []string `json:"people"`
	// FileBase64 is a file's bytes as the page read them (<input type=file>), base64.
	FileBase64 string `json:"fileBase64"`
	// Path is a file chosen with the file dialog.
	Path string `json:"path"`
	// Text is pasted text (cells copied from a spreadsheet, or a list of addresses).
	Text string `json:"text"`
	// Role is the role of rows that give none; "" is member.
	Role chat.Role `json:"role"`
}

// BulkPreview is a checked list: each row's verdict, and the records it was made of (for a
// fixed row to be checked again with the others).
type BulkPreview struct {
	Preview plan.Preview   `json:"preview"`
	Records []table.Record `json:"records"`
	// Unchecked are spaces whose member list could not be read: their rows are not checked for
	// people already there (the job counts those as done when Google says so).
	Unchecked []string `json:"unchecked"`
}

// SyncPreview is a sync plan and the list it was made from.
type SyncPreview struct {
	Plan    plan.SyncPlan  `json:"plan"`
	Records []table.Record `json:"records"`
	// SpaceName is the space's display name.
	SpaceName string `json:"spaceName"`
}

// readConcurrency bounds the member lists and group look-ups read at once for a preview; the
// scheduler's transport paces them within the read quotas besides.
const readConcurrency = 4

var errFileRead = problem.New("bulk.file_unreadable",
	"The file could not be read.",
	"Check that the file still exists and that you may open it, then choose it again.")

var errNoList = problem.New("bulk.no_list",
	"There is no list to check yet.",
	"Paste the cells of a spreadsheet, choose a CSV file, or tick spaces and type people.")

// BulkDialogText is the file dialog's title and filter name for a bulk list, in lang.
func BulkDialogText(lang string) (title, filter string) {
	if lang == "ru" {
		return "Выберите CSV-файл со списком", "Таблица CSV или текст (*.csv, *.txt, *.tsv)"
	}
	return "Choose a CSV file with the list", "CSV or text table (*.csv, *.txt, *.tsv)"
}

// BulkRecords reads src into records.
func BulkRecords(src BulkSource) ([]table.Record, error) {
	switch {
	case len(src.Records) > 0:
		return src.Records, nil
	case len(src.Spaces) > 0:
		var es []recipients.Entry
		for _, p := range src.People {
			es = append(es, recipients.Parse(p).Entries...)
		}
		if len(es) == 0 {
			return nil, errNoList
		}
		return plan.CrossRecords(src.Spaces, es, src.Role), nil
	case src.FileBase64 != "":
		// Decoded as it is read, so table's size cap stops a file too big after MaxBytes.
		t, err := table.Read(base64.NewDecoder(base64.StdEncoding, strings.NewReader(src.FileBase64)))
		return t.Records, err
	case src.Path != "":
		f, err := os.Open(src.Path)
		if err != nil {
			return nil, errFileRead.WithDetail(err.Error())
		}
		defer f.Close()
		t, err := table.Read(f)
		return t.Records, err
	case strings.TrimSpace(src.Text) != "":
		t, err := table.Parse(src.Text)
		return t.Records, err
	}
	return nil, errNoList
}

// scheduler is the session's scheduler (one for the Cloud project), made on first use.
func (w *Session) scheduler() *schedule.Scheduler {
	h := &w.jobs
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.sched == nil {
		limits := schedule.Google()
		if w.opts.JobLimits != nil {
			limits = *w.opts.JobLimits
		}
		h.sched = schedule.New(limits)
	}
	return h.sched
}

// paced is c with every request through the scheduler's transport.
func (w *Session) paced(c *chat.Service) *chat.Service {
	if p, err := c.Through(w.scheduler().Transport); err == nil {
		return p
	}
	return c
}

// domain is the signed-in account's email domain ("" if unknown).
func (w *Session) domain() string {
	e := w.Self().Email
	if at := strings.LastIndexByte(e, '@'); at >= 0 {
		return strings.ToLower(e[at+1:])
	}
	return ""
}

// eachBounded calls f for each of names, at most readConcurrency at once.
func eachBounded(ctx context.Context, names []string, f func(ctx context.Context, name string)) {
	sem := make(chan struct{}, readConcurrency)
	var wg sync.WaitGroup
	for _, n := range names {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(ctx, n)
		}()
	}
	wg.Wait()
}

// fatal is a problem that stops a preview rather than leaving one space unchecked: the sign-in
// or a permission is gone, or the time is up.
func fatal(err error) bool {
	switch problem.CodeOf(err) {
	case chat.CodeSignedOut, chat.CodeScopeMissing:
		return true
	}
	return false
}

// spacesFor is the user's spaces, and in administrator mode also the spaces the records name by
// resource name that the user is not in (read with admin access). With admin access only
// people of the organisation can be added (chat.admin_outsider), so each space is then taken
// as one that allows no outsiders, and the preview says so before sending.
func (w *Session) spacesFor(ctx context.Context, c *chat.Service, records []table.Record, admin bool) ([]chat.Space, error) {
	spaces, err := c.ListSpaces(ctx)
	if err != nil {
		return nil, err
	}
	if !admin {
		return spaces, nil
	}
	known := map[string]bool{}
	for _, s := range spaces {
		known[s.Name] = true
	}
	var more []string
	for _, r := range records {
		if r.Problem == nil && r.Space != "" && !known[r.Space] {
			known[r.Space] = true
			more = append(more, r.Space)
		}
	}
	var mu sync.Mutex
	eachBounded(ctx, more, func(ctx context.Context, name string) {
		if sp, err := c.AdminGetSpace(ctx, name); err == nil {
			mu.Lock()
			spaces = append(spaces, sp)
			mu.Unlock()
		}
	})
	out := make([]chat.Space, len(spaces))
	for i, s := range spaces {
		s.ExternalUserAllowed = false
		out[i] = s
	}
	return out, nil
}

// memberLists reads the member lists of spaces; a space whose list can't be read is left out
// (and named in unchecked) unless the problem stops everything.
func (w *Session) memberLists(ctx context.Context, c *chat.Service, spaces []string, admin bool) (map[string][]chat.Member, []string, error) {
	out := make(map[string][]chat.Member, len(spaces))
	unchecked := []string{}
	var mu sync.Mutex
	var stop error
	eachBounded(ctx, spaces, func(ctx context.Context, s string) {
		l, err := c.ListMembers(ctx, s, chat.ListMembersOptions{Admin: admin})
		mu.Lock()
		defer mu.Unlock()
		switch {
		case err == nil:
			out[s] = l.Members
		case fatal(err) && stop == nil:
			stop = err
		default:
			unchecked = append(unchecked, s)
		}
	})
	return out, unchecked, stop
}

// groups looks up the groups the records name by address (asking for the groups permission
// first); an address not found stays out of the map, and its rows say so.
func (w *Session) groups(ctx context.Context, records []table.Record) (map[string]string, error) {
	need := plan.GroupsNeeded(records)
	out := map[string]string{}
	if len(need) == 0 {
		return out, nil
	}
	if err := w.Ask(ctx, auth.ScopeGroupsReadonly); err != nil {
		return nil, err
	}
	d, err := w.Directory()
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	eachBounded(ctx, need, func(ctx context.Context, addr string) {
		if g, err := d.LookupGroup(ctx, addr); err == nil {
			mu.Lock()
			out[addr] = g.Name
			mu.Unlock()
		}
	})
	return out, nil
}

// BulkPreview reads src and checks every row against the spaces, their members and the
// organisation, for session.Call's f. admin checks with administrator access.
func (w *Session) BulkPreview(ctx context.Context, c *chat.Service, src BulkSource, admin bool) (BulkPreview, error) {
	records, err := BulkRecords(src)
	if err != nil {
		return BulkPreview{}, err
	}
	c = w.paced(c)
	spaces, err := w.spacesFor(ctx, c, records, admin)
	if err != nil {
		return BulkPreview{}, err
	}
	members, unchecked, err := w.memberLists(ctx, c, plan.SpacesNeeded(records, spaces, ""), admin)
	if err != nil {
		return BulkPreview{}, err
	}
	groups, err := w.groups(ctx, records)
	if err != nil {
		return BulkPreview{}, err
	}
	pv := plan.Check(records, plan.Context{Spaces: spaces, Members: members, Domain: w.domain(), Groups: groups, Role: src.Role})
	return BulkPreview{Preview: pv, Records: records, Unchecked: unchecked}, nil
}

// SyncPlan reads src and plans how to make space's membership match it, for session.Call's f.
// Nothing is sent.
func (w *Session) SyncPlan(ctx context.Context, c *chat.Service, space string, src BulkSource, opts plan.SyncOptions, admin bool) (SyncPreview, error) {
	if err := chat.ValidateSpaceName(space); err != nil {
		return SyncPreview{}, err
	}
	src.Spaces = nil // a sync list is one space's: its rows need name no space
	var records []table.Record
	var err error
	if len(src.Records) == 0 && strings.TrimSpace(src.Group) != "" {
		records, err = w.groupRecords(ctx, src.Group)
	} else {
		records, err = BulkRecords(src)
	}
	if err != nil {
		return SyncPreview{}, err
	}
	c = w.paced(c)
	spaces, err := w.spacesFor(ctx, c, []table.Record{{Space: space}}, admin)
	if err != nil {
		return SyncPreview{}, err
	}
	var sp chat.Space
	for _, s := range spaces {
		if s.Name == space {
			sp = s
		}
	}
	if sp.Name == "" {
		if sp, err = c.GetSpace(ctx, space); err != nil {
			return SyncPreview{}, err
		}
	}
	l, err := c.ListMembers(ctx, space, chat.ListMembersOptions{Admin: admin})
	if err != nil {
		return SyncPreview{}, err
	}
	groups, err := w.groups(ctx, records)
	if err != nil {
		return SyncPreview{}, err
	}
	opts.Domain, opts.Groups = w.domain(), groups
	p := plan.Sync(sp, l.Members, records, opts)
	return SyncPreview{Plan: p, Records: records, SpaceName: spaceLabelOf(sp)}, nil
}

// groupRecords reads the members of the Google Group with the address addr as a sync's list
// (asking for the groups permission first): a person is a person's row, a group nested in it
// stays one group row (looked up by address with the others, then added as a group
// membership), and a member Chat cannot add (a service account) is a row that says so.
func (w *Session) groupRecords(ctx context.Context, addr string) ([]table.Record, error) {
	if err := w.Ask(ctx, auth.ScopeGroupsReadonly); err != nil {
		return nil, err
	}
	d, err := w.Directory()
	if err != nil {
		return nil, err
	}
	_, members, err := d.GroupMembers(ctx, addr)
	if err != nil {
		return nil, err
	}
	out := make([]table.Record, len(members))
	for i, m := range members {
		r := table.Record{Row: i + 1, Email: m.Email, Cells: []string{m.Email}}
		switch m.Kind {
		case directory.MemberPerson:
			r.Kind, r.Member = chat.KindPerson, "users/"+m.Email
		case directory.MemberGroup:
			r.Kind = chat.KindGroup
		default:
			r.Kind, r.Problem = chat.KindPerson, directory.ErrMemberUnsupported(m)
		}
		out[i] = r
	}
	return out, nil
}

func spaceLabelOf(sp chat.Space) string {
	if sp.DisplayName != "" {
		return sp.DisplayName
	}
	return sp.Name
}

// StartSync starts a sync job of a plan's items (SyncPlan.Items, as the user confirmed them).
func (w *Session) StartSync(c *chat.Service, items []bulk.Item, admin bool) (journal.Job, error) {
	return w.StartJob(c, journal.KindSync, items, admin)
}
