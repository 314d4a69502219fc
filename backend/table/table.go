// Package table reads the list of a bulk job, pasted from a spreadsheet or chosen as a CSV
// file, into records: who (a person or a Google Group), which space, which role. Nothing is
// sent; each record carries its own verdict, so one bad row never stops the others, and package
// plan checks the good ones against the spaces and their members.
//
// Exported entry points, for the app to bind:
//   - Read(r io.Reader) (Table, error): a file, read as a stream and never past MaxBytes;
//     ReadLimited(r, Limits) with lower limits.
//   - Parse(text string) (Table, error): a paste (Excel and Google Sheets copy cells as tab
//     separated text; a list of addresses as mail programs copy it is read as recipients.Parse
//     reads it).
//   - FromRecipients(entries): records of a list recipients.Parse checked (the add form's box).
//   - ReadRow, ParseSpace(cell) and ParseRole(cell): one row or cell, as the table reads it.
//
// What it accepts:
//   - Encoding: UTF-8 with or without a byte-order mark; UTF-16 (Excel's "Unicode text", with a
//     BOM, or without one, told by its NUL bytes) is converted as it is read. Other encodings,
//     binary data and spreadsheet workbooks (.xlsx, .xls, .ods) are refused with a problem that
//     says how to save the file as CSV UTF-8.
//   - Delimiter: comma, semicolon (Excel in many European locales) or tab, chosen by which one
//     splits the first rows into the same number of columns, or named by Excel's "sep=;" line.
//   - Quoting: RFC 4180 as Excel writes it (quoted cells, doubled quotes, line breaks in cells).
//   - Header: a first row of column names in English or Russian (email/person/member/user,
//     group, space/space name/link/chat, role; "почта", "группа", "чат", "роль", ...) is
//     recognised; without one, columns are told by content (addresses, space links or names,
//     roles).
//   - Columns: person (an address, "Name <address>" as recipients.Parse reads it, a user id,
//     or "group:address" for a Google Group), group (a group's address or groups/{id}), space
//     (a display name, a link https://chat.google.com/room/ID or
//     https://mail.google.com/chat/u/0/#chat/space/ID, or the resource name spaces/ID, checked
//     by chat.ValidateSpaceName), role (member/manager/owner, Russian names, or Google's
//     ROLE_MEMBER/ROLE_ASSISTANT_MANAGER/ROLE_MANAGER). Other columns are ignored.
//   - Limits: MaxBytes (20 MB), MaxRows (100,000 rows) and MaxColumns (200) refuse a file;
//     a cell beginning with "=" is a formula and refused for its row, never evaluated.
package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"

	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
	"chatmembers/backend/recipients"
)

// Limits. A member list of a bulk job is far inside them; past them the file is refused, never
// cut silently.
const (
	MaxBytes   = 20 << 20
	MaxRows    = 100_000
	MaxColumns = 200
	// guessRows is how many rows the content of a header-less table is judged by.
	guessRows = 50
)

// Column is what a column of the table was read as.
type Column string

// Columns. ColIgnored is a column the app has no use for (names, comments).
const (
	ColPerson  Column = "person"
	ColGroup   Column = "group"
	ColSpace   Column = "space"
	ColRole    Column = "role"
	ColIgnored Column = ""
)

// Record is one person or group for one space, as a row gave it.
type Record struct {
	// Row is the line the row starts on, which is the spreadsheet's row number (the header is
	// row 1) unless a cell above holds a line break.
	Row int `json:"row"`
	// Kind is person or group ("" when the row names neither).
	Kind chat.Kind `json:"kind"`
	// Member is the member as a request names it: "users/{email}", "users/{id}" or
	// "groups/{id}"; "" for a group given by address, which the caller looks up
	// (directory.LookupGroup) before planning.
	Member string `json:"member"`
	// Email is the normalised address of a person or group given by address.
	Email string `json:"email,omitempty"`
	// Name is the display name of a "Name <address>" cell.
	Name string `json:"name,omitempty"`
	// Space is the resource name "spaces/ID" when the row gave a link or resource name.
	Space string `json:"space,omitempty"`
	// SpaceName is the space's display name when the row gave a name instead.
	SpaceName string `json:"spaceName,omitempty"`
	// Role is the role the row asks for; "" when it gives none (the caller's default).
	Role chat.Role `json:"role,omitempty"`
	// Cells are the row's cells as written, for the preview.
	Cells []string `json:"cells"`
	// Problem is why the row can't be used; nil when it can.
	Problem *problem.Problem `json:"problem,omitempty"`
}

// Table is what Read and Parse found.
type Table struct {
	Records []Record `json:"records"`
	// Columns says what each column was read as.
	Columns []Column `json:"columns"`
	// Header is true when the first row was column names.
	Header bool `json:"header"`
	// Delimiter is ",", ";" or "\t".
	Delimiter string `json:"delimiter"`
	// Encoding is "utf-8", "utf-8 bom", "utf-16le" or "utf-16be".
	Encoding string `json:"encoding"`
}

var errTooBig = errors.New("table: over MaxBytes")

// capped reads at most MaxBytes from r and fails on the byte after, so a 200 MB file costs
// 20 MB of reading, not 200 MB of memory.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, _ := io.ReadFull(c.r, one[:]); n > 0 {
			return 0, errTooBig
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// Parse reads pasted text (see Read). Text without tabs that recipients.Parse reads as a list of
// valid addresses only (as mail programs copy them: `"Doe, Jane" <jane@example.com>, bob@...`,
// whose quotes are not a spreadsheet's) is that list, one record per address, numbered from 1.
func Parse(text string) (Table, error) {
	if !strings.ContainsRune(text, '\t') {
		if c := recipients.Parse(text); !c.LeftOut && len(c.Entries) > 0 && allValid(c.Entries) {
			return Table{Records: FromRecipients(c.Entries), Columns: []Column{ColPerson}, Delimiter: ",", Encoding: encUTF8}, nil
		}
	}
	return Read(strings.NewReader(text))
}

func allValid(es []recipients.Entry) bool {
	for _, e := range es {
		if e.Problem != nil {
			return false
		}
	}
	return true
}

// Limits bound what Read takes; Read applies MaxBytes, MaxRows and MaxColumns, whose figures
// the problems name. ReadLimited takes lower ones (a sync list, tests).
type Limits struct {
	Bytes   int64
	Rows    int
	Columns int
}

// DefaultLimits are the limits Read applies.
func DefaultLimits() Limits { return Limits{Bytes: MaxBytes, Rows: MaxRows, Columns: MaxColumns} }

// Read reads a table from r with DefaultLimits (see ReadLimited).
func Read(r io.Reader) (Table, error) { return ReadLimited(r, DefaultLimits()) }

// ReadLimited reads a table from r as a stream (see the package comment for what it accepts). The
// error is a *problem.Problem refusing the whole input (too big, binary, workbook, not UTF-8,
// too many rows or columns, empty, no column of addresses); otherwise each record carries its
// own verdict.
func ReadLimited(r io.Reader, lim Limits) (Table, error) {
	raw := bufio.NewReaderSize(&capped{r: r, left: lim.Bytes}, 64<<10)
	head, err := raw.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return Table{}, readErr(err)
	}
	enc, skip, perr := sniff(head, len(head) < sniffLen)
	if perr != nil {
		return Table{}, perr
	}
	if _, err := raw.Discard(skip); err != nil {
		return Table{}, readErr(err)
	}
	var text io.Reader = raw
	if enc == encUTF16LE || enc == encUTF16BE {
		text = newUTF16Reader(raw, enc == encUTF16BE)
	}
	br := bufio.NewReaderSize(text, 64<<10)
	sample, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return Table{}, readErr(err)
	}
	delim := detectDelimiter(sample)
	// Line ends of a lone CR (Excel for old Macs), which encoding/csv does not split on.
	crOnly := bytes.IndexByte(sample, '\r') >= 0 && bytes.IndexByte(sample, '\n') < 0
	// Excel honours a first line "sep=;" that names the delimiter; it is not a row.
	if d, n, ok := sepLine(sample); ok {
		delim = d
		if _, err := br.Discard(n); err != nil {
			return Table{}, readErr(err)
		}
	}
	var src io.Reader = br
	if crOnly {
		src = crReader{br}
	}
	cr := csv.NewReader(src)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := Table{Delimiter: string(delim), Encoding: enc}
	rd := reader{t: &t, maxRows: lim.Rows}
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if pe.Err == csv.ErrFieldCount {
				err = nil // rows of different lengths are fine (FieldsPerRecord -1 never says this)
			} else {
				p := probBadQuotes.With("row", strconv.Itoa(pe.StartLine))
				if pe.Line > pe.StartLine {
					// A quote left open swallows every line after it into one cell.
					p = probRunOnQuote.With("row", strconv.Itoa(pe.StartLine)).With("last", strconv.Itoa(pe.Line))
				}
				if perr := rd.add(Record{Row: pe.StartLine, Problem: p.WithDetail(pe.Error())}); perr != nil {
					return Table{}, perr
				}
				continue
			}
		}
		if err != nil {
			return Table{}, readErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(fields) > lim.Columns {
			return Table{}, probTooManyColumns.With("row", strconv.Itoa(line)).With("columns", strconv.Itoa(len(fields)))
		}
		if blank(fields) {
			continue
		}
		cells := make([]string, len(fields))
		for i, f := range fields {
			cells[i] = strings.ToValidUTF8(f, "\uFFFD")
		}
		if perr := rd.row(line, cells); perr != nil {
			return Table{}, perr
		}
	}
	if err := rd.finish(); err != nil {
		return Table{}, err
	}
	if t.Records == nil {
		t.Records = []Record{}
	}
	return t, nil
}

// sepLine reads Excel's "sep=X" first line: the delimiter and the line's length.
func sepLine(sample []byte) (rune, int, bool) {
	if len(sample) < 5 || !bytes.EqualFold(sample[:4], []byte("sep=")) {
		return 0, 0, false
	}
	d := rune(sample[4])
	if d != ',' && d != ';' && d != '\t' && d != '|' {
		return 0, 0, false
	}
	if len(sample) > 5 && sample[5] != '\r' && sample[5] != '\n' {
		return 0, 0, false // "sep=;x" is a row that happens to begin so
	}
	n := 5
	for n < len(sample) && (sample[n] == '\r' || sample[n] == '\n') {
		n++
	}
	return d, n, true
}

// crReader turns every CR into LF. CR is ASCII, never part of a UTF-8 sequence.
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

func readErr(err error) error {
	if errors.Is(err, errTooBig) {
		return probTooBig
	}
	return problem.Internal(err)
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimFunc(f, invisible) != "" {
			return false
		}
	}
	return true
}

// reader holds rows until the columns are known: a header says at once; without one, the first
// guessRows rows are looked at first.
type reader struct {
	t       *Table
	decided bool
	pending []pendingRow
	maxRows int
	rows    int // rows seen, header included
	data    int // rows of data
}

// pendingRow is a row waiting for the columns: its cells, or the record of a row that could not
// be split into cells.
type pendingRow struct {
	line   int
	cells  []string
	broken *Record
}

func (rd *reader) row(line int, cells []string) error {
	rd.rows++
	if rd.rows == 1 {
		if cols, ok := header(cells); ok {
			rd.t.Header, rd.t.Columns, rd.decided = true, cols, true
			if !hasMember(cols) {
				return probNoPeople
			}
			return nil
		}
	}
	if rd.data++; rd.data > rd.maxRows {
		return probTooManyRows
	}
	if rd.decided {
		rd.emit(line, cells)
		return nil
	}
	rd.pending = append(rd.pending, pendingRow{line: line, cells: cells})
	if len(rd.pending) < guessRows {
		return nil
	}
	return rd.decide()
}

// add appends the record of a row that could not even be split into cells.
func (rd *reader) add(r Record) error {
	rd.rows++
	if rd.data++; rd.data > rd.maxRows {
		return probTooManyRows
	}
	if rd.decided {
		rd.t.Records = append(rd.t.Records, r)
	} else {
		rd.pending = append(rd.pending, pendingRow{line: r.Row, broken: &r})
	}
	return nil
}

func (rd *reader) decide() error {
	rd.decided = true
	var sample [][]string
	for _, p := range rd.pending {
		if p.broken == nil {
			sample = append(sample, p.cells)
		}
	}
	rd.t.Columns = guess(sample)
	if !hasMember(rd.t.Columns) {
		return probNoPeople
	}
	for _, p := range rd.pending {
		if p.broken != nil {
			rd.t.Records = append(rd.t.Records, *p.broken)
		} else {
			rd.emit(p.line, p.cells)
		}
	}
	rd.pending = nil
	return nil
}

func (rd *reader) finish() error {
	if !rd.decided {
		if len(rd.pending) == 0 {
			return probEmpty
		}
		if err := rd.decide(); err != nil {
			return err
		}
	}
	if len(rd.t.Records) == 0 {
		return probEmpty
	}
	return nil
}

func hasMember(cols []Column) bool {
	for _, c := range cols {
		if c == ColPerson || c == ColGroup {
			return true
		}
	}
	return false
}

// emit turns one row into its records: usually one; a person cell listing several addresses
// ("a@x; b@x") gives one record each.
func (rd *reader) emit(line int, cells []string) {
	rd.t.Records = appendRow(rd.t.Records, line, rd.t.Columns, cells)
}

// ReadRow reads one row whose columns are known, as Read does each row, for callers that split
// rows themselves.
func ReadRow(line int, cols []Column, cells []string) []Record {
	return appendRow(nil, line, cols, cells)
}

// appendRow appends a row's records to dst (Read's table, without a slice per row).
func appendRow(dst []Record, line int, cols []Column, cells []string) []Record {
	base := Record{Row: line, Cells: cells}
	fail := func(p *problem.Problem) []Record {
		base.Problem = p.With("row", strconv.Itoa(line))
		return append(dst, base)
	}
	var person, group, space, role string
	for i, c := range cols {
		if i >= len(cells) {
			break
		}
		v := strings.TrimFunc(cells[i], invisible)
		if v == "" || c == ColIgnored {
			continue
		}
		// A file this app exported (package csvexport) escapes a cell beginning with = + - @
		// with an apostrophe, which a spreadsheet hides; read back, the cell is the value again.
		if len(v) > 1 && v[0] == '\'' && strings.IndexByte("=+-@", v[1]) >= 0 {
			v = v[1:]
		}
		if strings.HasPrefix(v, "=") {
			return fail(probFormula.With("cell", clip(v, 60)))
		}
		switch c {
		case ColPerson:
			person = join(person, v)
		case ColGroup:
			group = join(group, v)
		case ColSpace:
			space = join(space, v)
		case ColRole:
			role = join(role, v)
		}
	}
	if g, ok := cutGroupPrefix(person); ok {
		if group != "" {
			return fail(probPersonAndGroup)
		}
		person, group = "", g
	}
	switch {
	case person != "" && group != "":
		return fail(probPersonAndGroup)
	case person == "" && group == "":
		return fail(probNoMember)
	}
	if space != "" {
		name, display, err := ParseSpace(space)
		if err != nil {
			return fail(asProblem(err))
		}
		base.Space, base.SpaceName = name, display
	}
	if role != "" {
		r, err := ParseRole(role)
		if err != nil {
			return fail(asProblem(err))
		}
		base.Role = r
	}
	if group != "" {
		g, err := parseGroup(group)
		if err != nil {
			return fail(err)
		}
		base.Kind, base.Member, base.Email, base.Name = chat.KindGroup, g.Member, g.Email, g.Name
		return append(dst, base)
	}
	// A person cell reads as the add form's box does: "Name <address>", several addresses.
	var entries []recipients.Entry
	if strings.ContainsAny(person, ",;\r\n") {
		entries = recipients.Parse(person).Entries
	} else {
		entries = []recipients.Entry{recipients.One(person)} // the common case, without the splitting
	}
	if len(entries) == 0 {
		return fail(probNoMember)
	}
	for _, e := range entries {
		r := base
		fromEntry(&r, e)
		if r.Problem != nil {
			r.Problem = r.Problem.With("row", strconv.Itoa(line))
		}
		dst = append(dst, r)
	}
	return dst
}

// FromRecipients makes records of a list of people as recipients.Parse read it (the add
// form's box, or a list of addresses pasted for a sync), numbered from 1, with no space or role:
// the caller gives those (plan.Context.Space and Role). An entry "groups/{id}" is a group.
func FromRecipients(entries []recipients.Entry) []Record {
	out := make([]Record, len(entries))
	for i, e := range entries {
		out[i] = Record{Row: i + 1, Cells: []string{e.Text}}
		fromEntry(&out[i], e)
		if out[i].Problem != nil && out[i].Problem.Code == CodeFormula {
			out[i].Problem = out[i].Problem.With("row", strconv.Itoa(i+1))
		}
	}
	return out
}

// fromEntry fills a record's member from one recipients entry.
func fromEntry(r *Record, e recipients.Entry) {
	r.Name = e.Name
	switch {
	case strings.HasPrefix(e.Value, "="):
		// chat.NormalizeEmail allows "=" in an address, but no Google account starts with one:
		// it is a formula copied from a spreadsheet.
		r.Kind, r.Problem = chat.KindPerson, probFormula.With("cell", clip(e.Text, 60))
	case e.Problem != nil:
		r.Kind, r.Problem = chat.KindPerson, e.Problem
	case strings.HasPrefix(e.Value, "groups/"):
		r.Kind, r.Member = chat.KindGroup, e.Value
	case strings.Contains(e.Value, "@"):
		r.Kind, r.Member, r.Email = chat.KindPerson, "users/"+e.Value, e.Value
	default:
		r.Kind, r.Member = chat.KindPerson, e.Value
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

func asProblem(err error) *problem.Problem {
	if p, ok := problem.As(err); ok {
		return p
	}
	return problem.Internal(err)
}

func cutGroupPrefix(s string) (string, bool) {
	for _, p := range []string{"group:", "группа:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimFunc(s[len(p):], invisible), true
		}
	}
	return s, false
}

type groupRef struct{ Member, Email, Name string }

func parseGroup(s string) (groupRef, *problem.Problem) {
	bad := func() (groupRef, *problem.Problem) { return groupRef{}, probBadGroup.With("group", clip(s, 100)) }
	if rest, ok := strings.CutPrefix(s, "groups/"); ok {
		if rest == "" || len(rest) > 64 || strings.IndexFunc(rest, func(r rune) bool { return !isAlnum(r) }) >= 0 {
			return bad()
		}
		return groupRef{Member: s}, nil
	}
	var g groupRef
	addr := s
	if i := strings.LastIndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		addr = s[i+1 : len(s)-1]
		g.Name = strings.Trim(strings.TrimSpace(s[:i]), `"`)
	}
	e, err := chat.NormalizeEmail(addr)
	if err != nil {
		return bad()
	}
	g.Email = e
	return g, nil
}

func isAlnum(r rune) bool { return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// invisible is white space and the invisible characters copied along from web pages and
// documents (zero-width spaces and joiners, byte-order mark, no-break space).
func invisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}
