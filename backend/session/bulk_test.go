package session

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chatmembers/backend/auth"
	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
	"chatmembers/backend/emulator"
	"chatmembers/backend/jobs"
	"chatmembers/backend/journal"
	"chatmembers/backend/plan"
	"chatmembers/backend/problem"
	"chatmembers/backend/schedule"
	"chatmembers/backend/table"
)

// The calls app.go's Bulk makes, through Call as it does.

func bulkPreview(w *Session, src BulkSource, admin bool) (BulkPreview, error) {
	return Call(context.Background(), w, Action{Name: "bulk.preview", Timeout: 5 * time.Minute, RetryScope: auth.ScopeMemberships, Admin: admin},
		func(ctx context.Context, c *chat.Service) (BulkPreview, error) {
			return w.BulkPreview(ctx, c, src, admin)
		})
}

func syncPlan(w *Session, space string, src BulkSource, opts plan.SyncOptions) (SyncPreview, error) {
	return Call(context.Background(), w, Action{Name: "bulk.sync_plan", Timeout: 5 * time.Minute},
		func(ctx context.Context, c *chat.Service) (SyncPreview, error) {
			return w.SyncPlan(ctx, c, space, src, opts, false)
		})
}

func startSync(w *Session, items []bulk.Item) (journal.Job, error) {
	return Call(context.Background(), w, Action{Name: "bulk.start_sync"},
		func(_ context.Context, c *chat.Service) (journal.Job, error) { return w.StartSync(c, items, false) })
}

// demoMember is a person of the organisation who is in space (not the admin), and one who is
// not.
func demoPeople(t *testing.T, spaceID string) (in, out string) {
	t.Helper()
	d := emulator.DemoData()
	member := map[string]bool{}
	for _, m := range d.Memberships {
		if m.SpaceID == spaceID {
			member[m.UserID] = true
		}
	}
	for _, u := range d.Users {
		switch {
		case u.External || u.Email == emulator.DemoAdminEmail:
		case member[u.ID] && in == "":
			in = u.Email
		case !member[u.ID] && out == "":
			out = u.Email
		}
	}
	if in == "" || out == "" {
		t.Fatal("the demo data has no member and non-member of the space")
	}
	return in, out
}

// A CSV with good, bad, duplicate, present and outside rows, from the page (base64) and from a
// path: each row gets its verdict, read against the space's real member list.
func TestBulkPreviewGivesEachRowOfAFileItsVerdict(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	space := "spaces/" + emulator.DemoInternalSpaceID
	in, out := demoPeople(t, emulator.DemoInternalSpaceID)
	csv := "email,space,role\n" +
		out + "," + space + ",member\n" + // 2 ready
		"not an address," + space + ",\n" + // 3 invalid
		strings.ToUpper(out) + "," + space + ",\n" + // 4 duplicate of 2
		in + "," + space + ",\n" + // 5 already a member
		emulator.DemoExternalEmail + "," + space + ",\n" + // 6 outside
		"group:" + emulator.DemoGroupEmail + "," + space + ",\n" // 7 a group, looked up: ready
	want := map[int]plan.Verdict{2: plan.Ready, 3: plan.Invalid, 4: plan.Duplicate, 5: plan.AlreadyMember, 6: plan.Outside, 7: plan.Ready}

	path := filepath.Join(t.TempDir(), "list.csv")
	if err := os.WriteFile(path, []byte("\ufeff"+csv), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]BulkSource{
		"page": {FileBase64: base64.StdEncoding.EncodeToString([]byte(csv))},
		"path": {Path: path},
	} {
		t.Run(name, func(t *testing.T) {
			pv, err := bulkPreview(w, src, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(pv.Preview.Rows) != len(want) || len(pv.Records) != len(want) {
				t.Fatalf("rows: %+v", pv.Preview.Rows)
			}
			for _, r := range pv.Preview.Rows {
				if r.Verdict != want[r.Row] {
					t.Errorf("row %d (%s): %s, want %s (%v)", r.Row, r.Who, r.Verdict, want[r.Row], r.Problem)
				}
			}
			if pv.Preview.Rows[2].DuplicateOf != 2 {
				t.Errorf("duplicate of %d, want 2", pv.Preview.Rows[2].DuplicateOf)
			}
			if g := pv.Preview.Rows[5].Item; g.Kind != chat.KindGroup || !strings.HasPrefix(g.Member, "groups/") {
				t.Errorf("group row: %+v", g)
			}
			c := pv.Preview.Counts
			if c.Total != 6 || c.Ready != 2 || c.Invalid != 1 || c.Duplicate != 1 || c.AlreadyMember != 1 || c.Outside != 1 {
				t.Errorf("counts %+v", c)
			}
		})
	}
}

// Records fixed by hand are checked again; spaces ticked × people typed are crossed.
func TestBulkPreviewChecksFixedRecordsAndSpacesTimesPeople(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	space := "spaces/" + emulator.DemoInternalSpaceID
	_, out := demoPeople(t, emulator.DemoInternalSpaceID)
	pv, err := bulkPreview(w, BulkSource{Text: "email\tspace\nnot an address\t" + space}, false)
	if err != nil || len(pv.Preview.Rows) != 1 || pv.Preview.Rows[0].Verdict != plan.Invalid {
		t.Fatalf("%+v %v", pv, err)
	}
	rec := pv.Records[0]
	rec.Kind, rec.Member, rec.Email, rec.Problem = chat.KindPerson, "users/"+out, out, nil
	pv, err = bulkPreview(w, BulkSource{Records: []table.Record{rec}}, false)
	if err != nil || pv.Preview.Rows[0].Verdict != plan.Ready {
		t.Fatalf("fixed: %+v %v", pv, err)
	}

	cross, err := bulkPreview(w, BulkSource{Spaces: []string{space, "spaces/" + emulator.DemoExternalSpaceID},
		People: []string{out, emulator.DemoExternalEmail}, Role: chat.RoleMember}, false)
	if err != nil {
		t.Fatal(err)
	}
	if cross.Preview.Counts.Total != 4 {
		t.Fatalf("cross: %+v", cross.Preview.Counts)
	}
	// The external address may go into the space that allows outsiders only.
	for _, r := range cross.Preview.Rows {
		ext := r.Who == emulator.DemoExternalEmail
		if ext && r.Item.Space == space && r.Verdict != plan.Outside {
			t.Errorf("outsider into the internal space: %s", r.Verdict)
		}
	}
}

// In administrator mode everything is checked with admin access; refused when the mode is off.
func TestBulkPreviewInAdministratorModeNeedsTheMode(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	_, err := Call(context.Background(), w, Action{Name: "bulk.preview", Admin: true},
		func(ctx context.Context, c *chat.Service) (BulkPreview, error) {
			return w.BulkPreview(ctx, c, BulkSource{Text: "a@example.com\tspaces/" + emulator.DemoNotMemberSpaceID}, true)
		})
	if problem.CodeOf(err) != errAdminOff.Code {
		t.Fatalf("admin off: %v", err)
	}
}

// Nothing to read is a problem of its own, before any call.
func TestBulkRecordsOfNothingIsNoList(t *testing.T) {
	if _, err := BulkRecords(BulkSource{Text: "  \n"}); problem.CodeOf(err) != errNoList.Code {
		t.Fatalf("%v", err)
	}
	if _, err := BulkRecords(BulkSource{Path: filepath.Join(t.TempDir(), "gone.csv")}); problem.CodeOf(err) != errFileRead.Code {
		t.Fatalf("%v", err)
	}
}

// A sync of a space to a list: the plan adds the one missing, keeps the user and managers,
// removes the rest; run as a job, the space then has the new person.
func TestSyncPlanAndRunBringTheSpaceInStep(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	space := "spaces/" + emulator.DemoInternalSpaceID
	in, out := demoPeople(t, emulator.DemoInternalSpaceID)
	sp, err := syncPlan(w, space, BulkSource{Text: in + "\n" + out}, plan.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := sp.Plan
	if len(p.Add) != 1 || p.Add[0].Item.Member != "users/"+out {
		t.Fatalf("add: %+v", p.Add)
	}
	for _, c := range p.Remove {
		if c.Member.Me || strings.EqualFold(c.Member.Email, in) {
			t.Fatalf("removes %+v", c.Member)
		}
	}
	self := false
	for _, c := range p.Keep {
		self = self || c.Why == plan.KeepSelf
	}
	if !self {
		t.Fatalf("the user is not kept: %+v", p.Keep)
	}

	done := make(chan jobs.Progress, 64)
	w.OnJobProgress(func(pr jobs.Progress) {
		if pr.State == journal.JobFinished {
			done <- pr
		}
	})
	j, err := startSync(w, p.Items())
	if err != nil || j.Kind != journal.KindSync {
		t.Fatalf("%+v %v", j, err)
	}
	select {
	case pr := <-done:
		if pr.Failed != 0 {
			t.Fatalf("finished with %+v", pr)
		}
	case <-time.After(time.Minute):
		t.Fatal("the sync did not finish")
	}
	after, err := syncPlan(w, space, BulkSource{Text: in + "\n" + out}, plan.SyncOptions{})
	if err != nil || len(after.Plan.Add)+len(after.Plan.Remove)+len(after.Plan.SetRole) != 0 {
		t.Fatalf("not in step after the run: %+v %v", after.Plan, err)
	}
}

// A space synced to a Google Group's members: the plan adds the group's people, keeps its
// nested group as a group membership, removes the rest (but the user, the app and the managers,
// kept), and after the run the space's members are exactly the group's and the kept ones.
func TestSyncToAGroupsMembersBringsTheSpaceInStep(t *testing.T) {
	w := signedInDemo(t, t.TempDir(), schedule.Google())
	space := "spaces/AAAAm8Rk3Hs" // Marketing: its team, its group, the app; not the engineers
	src := BulkSource{Group: strings.ToUpper(emulator.DemoGroupEmail)}
	d := emulator.DemoData()
	grp := d.GroupByEmail(emulator.DemoGroupEmail)
	want := map[string]bool{"groups/" + emulator.DemoGroupID(emulator.DemoGroupInSpaceEmail): true}
	for _, id := range grp.MemberIDs {
		want["users/"+id] = true
	}
	if w.has(auth.ScopeGroupsReadonly) {
		t.Fatal("the groups permission was asked at sign-in, not when first needed")
	}
	sp, err := syncPlan(w, space, src, plan.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !w.has(auth.ScopeGroupsReadonly) {
		t.Fatal("the groups permission was not asked for")
	}
	for _, k := range sp.Plan.Keep {
		want[k.Member.MemberName] = true
	}
	if !want["users/"+d.UserByEmail(emulator.DemoAdminEmail).ID] {
		t.Fatalf("the user is not kept: %+v", sp.Plan.Keep)
	}
	if len(sp.Records) != len(grp.MemberIDs)+1 || len(sp.Plan.Rejected) != 0 {
		t.Fatalf("%d records, rejected %+v", len(sp.Records), sp.Plan.Rejected)
	}
	nested := false
	for _, a := range sp.Plan.Add {
		nested = nested || a.Item.Kind == chat.KindGroup && a.Item.Member == "groups/"+emulator.DemoGroupID(emulator.DemoGroupInSpaceEmail)
	}
	if len(sp.Plan.Remove) == 0 || !nested {
		t.Fatalf("add %+v remove %+v: the nested group is not added as a group", sp.Plan.Add, sp.Plan.Remove)
	}
	done := make(chan jobs.Progress, 64)
	w.OnJobProgress(func(pr jobs.Progress) {
		if pr.State == journal.JobFinished {
			done <- pr
		}
	})
	if _, err := startSync(w, sp.Plan.Items()); err != nil {
		t.Fatal(err)
	}
	select {
	case pr := <-done:
		if pr.Failed != 0 {
			t.Fatalf("finished with %+v", pr)
		}
	case <-time.After(time.Minute):
		t.Fatal("the sync did not finish")
	}
	l, err := Call(context.Background(), w, Action{Name: "members.list"},
		func(ctx context.Context, c *chat.Service) (chat.MemberList, error) {
			return c.ListMembers(ctx, space, chat.ListMembersOptions{})
		})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, m := range l.Members {
		got[m.MemberName] = true
	}
	for n := range want {
		if !got[n] {
			t.Errorf("%s is not in the space", n)
		}
	}
	for n := range got {
		if !want[n] {
			t.Errorf("%s is still in the space", n)
		}
	}
	after, err := syncPlan(w, space, src, plan.SyncOptions{})
	if err != nil || len(after.Plan.Add)+len(after.Plan.Remove)+len(after.Plan.SetRole) != 0 {
		t.Fatalf("not in step after the run: %+v %v", after.Plan, err)
	}
}
