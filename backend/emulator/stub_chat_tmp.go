package emulator

import "net/http"

// Temporary stub until data.go and chat*.go land; their owner deletes this file.
type chatState struct{}

func (c *chatState) init(d *Dataset)              {}
func (s *Server) registerChat(mux *http.ServeMux) {}

type User struct{ ID, Email, DisplayName string }

type Dataset struct{ Users []*User }

func (d *Dataset) UserByEmail(email string) *User { return nil }

func DemoData() *Dataset { return &Dataset{} }
