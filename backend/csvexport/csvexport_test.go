package csvexport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readBack(t *testing.T, b []byte, comma rune) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(BOM)) {
		t.Fatalf("no byte-order mark: %q", b[:min(len(b), 10)])
	}
	r := csv.NewReader(bytes.NewReader(b[len(BOM):]))
	r.Comma = comma
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv can't read it back: %v", err)
	}
	return rows
}

func TestRoundTripWithQuotingAndCRLF(t *testing.T) {
	rows := [][]string{
		{"Email", "Space", "Outcome"},
		{"jane@example.com", "Команда «Альфа», 2-й этаж", "added"},
		{"bob@example.com", "Say \"hi\"", "line one\nline two"},
		{"", " leading space", "日本語"},
	}
	var b bytes.Buffer
	if err := WriteAll(&b, 0, rows); err != nil {
		t.Fatal(err)
	}
	got := readBack(t, b.Bytes(), ',')
	if len(got) != len(rows) {
		t.Fatalf("%d rows back, want %d", len(got), len(rows))
	}
	for i := range rows {
		for j := range rows[i] {
			if got[i][j] != rows[i][j] {
				t.Errorf("cell %d,%d: %q, want %q", i, j, got[i][j], rows[i][j])
			}
		}
	}
	s := b.String()
	if strings.Count(s, "\r\n") < len(rows) || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\r") {
		t.Errorf("line ends are not CRLF: %q", s)
	}
	if !strings.Contains(s, `"Say ""hi"""`) || !strings.Contains(s, `"Команда «Альфа», 2-й этаж"`) {
		t.Errorf("not RFC 4180 quoting: %q", s)
	}
}

func TestFormulaInjectionIsNeutralised(t *testing.T) {
	evil := []string{`=HYPERLINK("http://evil.example","click")`, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"}
	var b bytes.Buffer
	w := NewWriter(&b, ';')
	if err := w.Write(evil); err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]string{"safe", "a=b", "jane@example.com", "1-2"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got := readBack(t, b.Bytes(), ';')
	for i, c := range got[0] {
		// encoding/csv with CRLF line ends drops a lone carriage return inside a cell.
		if c != "'"+strings.ReplaceAll(evil[i], "\r", "") {
			t.Errorf("cell %q came back as %q, want it behind an apostrophe", evil[i], c)
		}
	}
	if strings.Join(got[1], "|") != "safe|a=b|jane@example.com|1-2" {
		t.Errorf("harmless cells changed: %q", got[1])
	}
}

func TestEmptyFileHasTheBOM(t *testing.T) {
	var b bytes.Buffer
	if err := NewWriter(&b, 0).Flush(); err != nil || b.String() != BOM {
		t.Fatalf("%q, %v", b.String(), err)
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsAreReported(t *testing.T) {
	if err := WriteAll(failing{}, 0, [][]string{{"a"}}); err == nil {
		t.Fatal("a failed write was not reported")
	}
}

// The file WriteFile leaves opens as CSV with a byte-order mark, formulas neutralised, and
// replaces the empty file a save reserved.
func TestWriteFileWritesTheWholeTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, 0, [][]string{{"name", "note"}, {"=HYPERLINK(\"x\")", "Анна"}}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := readBack(t, b, ',')
	if len(got) != 2 || got[1][0] != "'=HYPERLINK(\"x\")" || got[1][1] != "Анна" {
		t.Fatalf("read back %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
