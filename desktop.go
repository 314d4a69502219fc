package main

// desktop is what the App needs from where it runs: the Wails window (desktop_window.go) or the
// browser bridge (main_bridge.go). The App calls no Wails runtime itself, so the bridge build
// links neither Wails nor a webview and needs no display.
type desktop interface {
	// Emit sends an event to the frontend (Wails' EventsEmit: listeners get data as arguments).
	Emit(event string, data ...any)
	// OpenURL opens a page in the desktop's default browser; $BROWSER is honoured before it.
	OpenURL(url string) error
	// OpenFileDialog asks for one file; "" when the person closed the dialog.
	OpenFileDialog(title, filterName, pattern string) (string, error)
	// SaveFileDialog asks where to save a CSV file, proposing defaultName; "" when the person
	// closed the dialog. Without a dialog (the browser bridge) it picks a new file in the
	// download folder and returns its path.
	SaveFileDialog(title, defaultName string) (string, error)
}
