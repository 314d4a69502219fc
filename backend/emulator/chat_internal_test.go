package emulator

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGuardDotSegments(t *testing.T) {
	srv := New(Options{})
	h := guardDotSegments(srv.Handler())
	for path, want := range map[string]int{
		"/v1/spaces/" + DemoInternalSpaceID + "/../" + DemoNotMemberSpaceID: 404,
		"/v1/spaces/" + DemoInternalSpaceID + "/./members":                  404,
		"/v1/spaces//members":                       404,
		"/v1/spaces/" + DemoInternalSpaceID + "/..": 404,
		"/v1/spaces/" + DemoInternalSpaceID:         401, // reaches the API: no token
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "http://emulator"+path, nil)
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("%s: %d, want %d", path, rec.Code, want)
		}
	}
}
