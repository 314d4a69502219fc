// Package csvexport writes tables (results of a bulk job, history) as CSV files that open right
// in Excel and LibreOffice by double-click: UTF-8 with a byte-order mark (without it Excel reads
// the file in the system's legacy code page and garbles every non-English name), RFC 4180
// quoting, CRLF line ends, and formula injection neutralised: a cell that begins with =, +, -,
// @, tab or carriage return is written with a leading apostrophe, so a display name such as
// =HYPERLINK("http://evil.example") is shown as text, never run.
//
// Exported entry points, for the app to bind:
//   - NewWriter(w, comma) *Writer; Writer.Write(row), Writer.Flush() (the byte-order mark is
//     written before the first row, or by Flush for an empty file).
//   - WriteAll(w, comma, rows): a whole table at once.
//   - Neutralize(cell): one cell as it is written.
//   - WriteFile(path, comma, rows): a whole table into a file, atomically.
//
// comma is ',' (0 means ','), or ';' for Excel in locales whose list separator is a semicolon
// (Russian, German, French, ...), where Excel opens a comma file as one column.
package csvexport

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// BOM is UTF-8's byte-order mark, which tells Excel the file is UTF-8.
const BOM = "\ufeff"

// Writer writes rows of cells.
type Writer struct {
	out     io.Writer
	csv     *csv.Writer
	started bool
	cells   []string
}

// NewWriter writes to w with the delimiter comma (',' or ';'; 0 is ',').
func NewWriter(w io.Writer, comma rune) *Writer {
	c := csv.NewWriter(w)
	if comma != 0 {
		c.Comma = comma
	}
	c.UseCRLF = true
	return &Writer{out: w, csv: c}
}

func (w *Writer) start() error {
	if w.started {
		return nil
	}
	w.started = true
	_, err := io.WriteString(w.out, BOM)
	return err
}

// Write writes one row, each cell neutralised. Rows may have different lengths.
func (w *Writer) Write(row []string) error {
	if err := w.start(); err != nil {
		return err
	}
	w.cells = w.cells[:0]
	for _, c := range row {
		w.cells = append(w.cells, Neutralize(c))
	}
	return w.csv.Write(w.cells)
}

// Flush writes what is buffered (and the byte-order mark of a file with no rows) and reports
// any error of the writes so far.
func (w *Writer) Flush() error {
	err := w.start()
	w.csv.Flush()
	return errors.Join(err, w.csv.Error())
}

// WriteAll writes rows and flushes.
func WriteAll(w io.Writer, comma rune, rows [][]string) error {
	cw := NewWriter(w, comma)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// Neutralize returns cell as it is safe to write: with an apostrophe in front when it begins
// with a character a spreadsheet takes as the start of a formula (=, +, -, @) or one that
// Excel skips before looking for one (tab, carriage return). Excel and LibreOffice show such
// a cell as text and hide the apostrophe in the cell's display. The cost is that "-5" reads back
// as "'-5": a number is never what this app writes.
func Neutralize(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

// WriteFile writes rows to the file at path (replacing it) as WriteAll does. The table goes to
// a temporary file in the same folder first, synced and renamed over path, so the file is never
// seen half-written and a failed export leaves what was there.
func WriteFile(path string, comma rune, rows [][]string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = WriteAll(f, comma, rows)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600) // it names people and accounts
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}
