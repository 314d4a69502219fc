//go:build !bridge

package main

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"chatmembers/backend/browser"
)

// windowDesktop is the desktop of the Wails window build.
type windowDesktop struct{ ctx context.Context }

func (d windowDesktop) Emit(event string, data ...any) { runtime.EventsEmit(d.ctx, event, data...) }

// OpenURL uses browser.System rather than runtime.BrowserOpenURL, which hides a failure.
func (d windowDesktop) OpenURL(url string) error { return browser.System(nil, url) }

func (d windowDesktop) OpenFileDialog(title, filterName, pattern string) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{
		Title:   title,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}},
	})
}

func (d windowDesktop) SaveFileDialog(title, defaultName string) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{
		Title:                title,
		DefaultFilename:      defaultName,
		Filters:              []runtime.FileFilter{{DisplayName: "CSV (*.csv)", Pattern: "*.csv"}},
		CanCreateDirectories: true,
	})
}
