package emulator_test

import (
	"strings"
	"testing"

	cloudidentity "google.golang.org/api/cloudidentity/v1"

	"chatmembers/backend/emulator"
)

// TestGroupMembershipsListAnswersLikeCloudIdentity lists a demo group's members through the
// unmodified cloudidentity/v1 client: people and a nested group, each with Google's fields.
func TestGroupMembershipsListAnswersLikeCloudIdentity(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	ci := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups.readonly")
	parent := "groups/" + emulator.DemoGroupID(emulator.DemoGroupEmail)
	resp, err := ci.Groups.Memberships.List(parent).Do()
	if err != nil {
		t.Fatal(err)
	}
	grp := emulator.DemoData().GroupByEmail(emulator.DemoGroupEmail)
	if len(resp.Memberships) != len(grp.MemberIDs)+1 || resp.NextPageToken != "" {
		t.Fatalf("%d memberships (token %q), want %d people and 1 group", len(resp.Memberships), resp.NextPageToken, len(grp.MemberIDs))
	}
	for i, m := range resp.Memberships {
		if !strings.HasPrefix(m.Name, parent+"/memberships/") || len(m.Roles) != 1 || m.Roles[0].Name != "MEMBER" || m.CreateTime != "" {
			t.Fatalf("membership %d: %+v", i, m)
		}
		if i < len(grp.MemberIDs) {
			u := emulator.DemoData().UserByEmail(m.PreferredMemberKey.Id)
			if m.Type != "USER" || u == nil || u.ID != grp.MemberIDs[i] {
				t.Fatalf("person %d: %+v", i, m)
			}
		} else if m.Type != "GROUP" || m.PreferredMemberKey.Id != emulator.DemoGroupInSpaceEmail {
			t.Fatalf("nested group: %+v %+v", m, m.PreferredMemberKey)
		}
	}
	full, err := ci.Groups.Memberships.List(parent).View("FULL").Do()
	if err != nil || full.Memberships[0].CreateTime == "" || full.Memberships[0].DeliverySetting == "" {
		t.Fatalf("FULL: %v %+v", err, full)
	}
}

// TestGroupMembershipsListPages reads the organisation-wide group a page at a time with the
// page token, each member once.
func TestGroupMembershipsListPages(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	ci := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups")
	parent := "groups/" + emulator.DemoGroupID("everyone@"+emulator.DemoDomain)
	seen := map[string]bool{}
	pages := 0
	err := ci.Groups.Memberships.List(parent).PageSize(7).Pages(t.Context(), func(r *cloudidentity.ListMembershipsResponse) error {
		pages++
		if len(r.Memberships) > 7 {
			t.Fatalf("page of %d", len(r.Memberships))
		}
		for _, m := range r.Memberships {
			if seen[m.PreferredMemberKey.Id] {
				t.Fatalf("twice: %s", m.PreferredMemberKey.Id)
			}
			seen[m.PreferredMemberKey.Id] = true
		}
		return nil
	})
	want := len(emulator.DemoData().GroupByEmail("everyone@" + emulator.DemoDomain).MemberIDs)
	if err != nil || len(seen) != want || pages != (want+6)/7 {
		t.Fatalf("%v: %d members in %d pages, want %d", err, len(seen), pages, want)
	}
}

func TestGroupMembershipsListRefusals(t *testing.T) {
	srv := startChat(t, emulator.Options{})
	ci := identityAs(t, srv, emulator.DemoAdminEmail, "cloud-identity.groups.readonly")
	parent := "groups/" + emulator.DemoGroupID(emulator.DemoGroupEmail)
	_, err := ci.Groups.Memberships.List("groups/nosuchgroup").Do()
	wantErr(t, err, 403, "PERMISSION_DENIED")
	_, err = ci.Groups.Memberships.List(parent).PageSize(1001).Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	_, err = ci.Groups.Memberships.List(parent).View("FULL").PageSize(501).Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	_, err = ci.Groups.Memberships.List(parent).View("WIDE").Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	_, err = ci.Groups.Memberships.List(parent).PageToken("bogus").Do()
	wantErr(t, err, 400, "INVALID_ARGUMENT")
	_, err = identityAs(t, srv, emulator.DemoAdminEmail, "directory.readonly").Groups.Memberships.List(parent).Do()
	if ge := wantErr(t, err, 403, "PERMISSION_DENIED"); ge.Details[0].Reason != "ACCESS_TOKEN_SCOPE_INSUFFICIENT" {
		t.Fatalf("reason %+v", ge.Details)
	}
}
