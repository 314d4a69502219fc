package emulator

import "net/http"

// Temporary stub until oauth*.go lands; its owner deletes this file.
type oauthState struct{}

func (o *oauthState) init()                        {}
func (s *Server) registerOAuth(mux *http.ServeMux) {}

// DemoClientID is the client_id of the demo workspace's "Desktop app" client.
const DemoClientID = "000000000000-demo.apps.googleusercontent.com"
