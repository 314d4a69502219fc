package emulator

import "net/http"

// Temporary stubs so the package compiles while its parts are written.
type oauthState struct{}

func (o *oauthState) init()                          {}
func (s *Server) registerOAuth(mux *http.ServeMux) {}

type chatState struct{}

func (c *chatState) init(d *Dataset)                {}
func (s *Server) registerChat(mux *http.ServeMux) {}

type Dataset struct{}

func DemoData() *Dataset { return &Dataset{} }
