package session

import (
	"os"
	"path/filepath"
	"strings"
)

// writePrivate writes a file only the user can read, atomically (temp file + rename).
func writePrivate(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// shortScopes turns scope URLs into the short names the UI shows ("chat.memberships").
func shortScopes(scopes []string) []string {
	out := make([]string, 0, len(scopes))
	for _, s := range scopes {
		out = append(out, strings.TrimPrefix(s, "https://www.googleapis.com/auth/"))
	}
	return out
}

// SystemLanguage is the user's language from the POSIX locale variables ("ru", "en", ...),
// for the UI's first language; the user can switch it.
func SystemLanguage() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"} {
		v := os.Getenv(k)
		if v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			continue
		}
		v = strings.SplitN(v, ":", 2)[0]
		v = strings.SplitN(v, ".", 2)[0]
		v = strings.SplitN(v, "_", 2)[0]
		if v != "" {
			return strings.ToLower(v)
		}
	}
	return "en"
}

// SecretDialogText is the title and file-type label of the dialog that picks a
// client_secret.json, in the user's language (ru or en): the native dialog is outside the UI's
// catalogues.
func SecretDialogText(lang string) (title, filter string) {
	if lang == "ru" {
		return "Выберите файл client_secret.json клиента «Приложение для ПК»", "OAuth-клиент (*.json)"
	}
	return "Choose the client_secret.json of your Desktop app client", "OAuth client (*.json)"
}
