package table

import (
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"chatmembers/backend/chat"
	"chatmembers/backend/problem"
	"chatmembers/backend/recipients"
)

func mustParse(t *testing.T, text string) Table {
	t.Helper()
	tb, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return tb
}

func wantRefused(t *testing.T, err error, code string) {
	t.Helper()
	if got := problem.CodeOf(err); got != code {
		t.Fatalf("error %v, want code %s", err, code)
	}
	p, _ := problem.As(err)
	if p.Message == "" || p.Fix == "" {
		t.Fatalf("problem %s without message or fix: %+v", code, p)
	}
}

// One row's essentials, to compare tables compactly.
func brief(r Record) string {
	if r.Problem != nil {
		return "! " + r.Problem.Code
	}
	return string(r.Kind) + " " + r.Member + " " + r.Email + " | " + r.Space + r.SpaceName + " | " + string(r.Role)
}

func wantRecords(t *testing.T, tb Table, want ...string) {
	t.Helper()
	if len(tb.Records) != len(want) {
		var got []string
		for _, r := range tb.Records {
			got = append(got, brief(r))
		}
		t.Fatalf("%d records, want %d:\n%s", len(tb.Records), len(want), strings.Join(got, "\n"))
	}
	for i, r := range tb.Records {
		if got := brief(r); got != want[i] {
			t.Errorf("record %d (row %d): %q, want %q", i, r.Row, got, want[i])
		}
	}
}

func TestEnglishHeaderCommaWithBOM(t *testing.T) {
	tb := mustParse(t, "\ufeffEmail,Space name,Role,Comment\r\n"+
		"jane@Example.com,Team Alpha,manager,new hire\r\n"+
		"bob@example.com,https://chat.google.com/room/AAAA?cls=7,Owner,\r\n")
	if !tb.Header || tb.Delimiter != "," || tb.Encoding != "utf-8 bom" {
		t.Fatalf("header %v delimiter %q encoding %q", tb.Header, tb.Delimiter, tb.Encoding)
	}
	if want := []Column{ColPerson, ColSpace, ColRole, ColIgnored}; !equalCols(tb.Columns, want) {
		t.Fatalf("columns %v, want %v", tb.Columns, want)
	}
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Team Alpha | ROLE_ASSISTANT_MANAGER",
		"person users/bob@example.com bob@example.com | spaces/AAAA | ROLE_MANAGER")
	if tb.Records[0].Row != 2 || tb.Records[1].Row != 3 {
		t.Fatalf("rows %d, %d", tb.Records[0].Row, tb.Records[1].Row)
	}
}

func equalCols(a, b []Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRussianHeaderSemicolon(t *testing.T) {
	tb := mustParse(t, "Электронная почта;Название чата;Роль\n"+
		"jane@example.com;Команда «Альфа»;Участник\n"+
		"group:team@example.com;spaces/BBBB;\n"+
		"bob@example.com;Отдел, продажи;ВЛАДЕЛЕЦ\n")
	if tb.Delimiter != ";" || !tb.Header {
		t.Fatalf("delimiter %q header %v", tb.Delimiter, tb.Header)
	}
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Команда «Альфа» | ROLE_MEMBER",
		"group  team@example.com | spaces/BBBB | ",
		"person users/bob@example.com bob@example.com | Отдел, продажи | ROLE_MANAGER")
}

// A paste from Excel or Google Sheets: tabs, no header, columns in any order.
func TestTabPasteWithoutHeaderIsGuessedByContent(t *testing.T) {
	tb := mustParse(t, "Team Alpha\tJane Doe <jane@example.com>\tmanager\n"+
		"https://mail.google.com/chat/u/0/#chat/space/CCCC\tbob@example.com\t\n"+
		"Team Beta\t\tmember\n")
	if tb.Header || tb.Delimiter != "\t" {
		t.Fatalf("header %v delimiter %q", tb.Header, tb.Delimiter)
	}
	if want := []Column{ColSpace, ColPerson, ColRole}; !equalCols(tb.Columns, want) {
		t.Fatalf("columns %v, want %v", tb.Columns, want)
	}
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Team Alpha | ROLE_ASSISTANT_MANAGER",
		"person users/bob@example.com bob@example.com | spaces/CCCC | ",
		"! table.no_member")
	if tb.Records[0].Name != "Jane Doe" {
		t.Fatalf("name %q", tb.Records[0].Name)
	}
}

func TestExcelQuotingWithLineBreaksInCells(t *testing.T) {
	tb := mustParse(t, "email,space,note\r\n"+
		"jane@example.com,\"Team \"\"A\"\", the first\",\"line one\r\nline two\"\r\n"+
		"bob@example.com,Team B,x\r\n")
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Team \"A\", the first | ",
		"person users/bob@example.com bob@example.com | Team B | ")
	if tb.Records[1].Row != 4 {
		t.Fatalf("row after a cell with a line break: %d, want line 4", tb.Records[1].Row)
	}
}

func TestSpaceReferences(t *testing.T) {
	for in, want := range map[string]string{
		"spaces/AAAA":                                          "spaces/AAAA",
		"https://chat.google.com/room/AAAA":                    "spaces/AAAA",
		"https://chat.google.com/u/1/room/AAAA?cls=7":          "spaces/AAAA",
		"https://mail.google.com/chat/u/0/#chat/space/AAAA":    "spaces/AAAA",
		"https://mail.google.com/mail/u/0/#chat/space/AAAA/xy": "spaces/AAAA",
		" Team  Alpha ":                                        "display:Team  Alpha",
	} {
		name, display, err := ParseSpace(in)
		got := name
		if display != "" {
			got = "display:" + display
		}
		if err != nil || got != want {
			t.Errorf("ParseSpace(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, code := range map[string]string{
		"spaces/A/../B":                     chat.CodeInvalidSpace,
		"spaces/":                           chat.CodeInvalidSpace,
		"https://chat.google.com/room/A..B": chat.CodeInvalidSpace,
		"https://example.com/room/AAAA":     CodeBadLink,
		"https://chat.google.com/":          CodeBadLink,
		"https://mail.google.com/mail/u/0/": CodeBadLink,
	} {
		if _, _, err := ParseSpace(in); problem.CodeOf(err) != code {
			t.Errorf("ParseSpace(%q): %v, want %s", in, err, code)
		}
	}
}

// A row with a bad space, role, person or formula gets its own verdict; the rows around it
// are read as usual.
func TestBadRowsDoNotStopTheOthers(t *testing.T) {
	tb := mustParse(t, "email,space,role\n"+
		"a@example.com,spaces/A/../B,member\n"+
		"b@example.com,Team,boss\n"+
		"not-an-address,Team,member\n"+
		"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x@example.com\"\")\",Team,member\n"+
		"=c@example.com,Team,\n"+
		"d@example.com,=1+1,\n"+
		",Team,member\n"+
		"e@example.com,Team,\n")
	wantRecords(t, tb,
		"! chat.invalid_space",
		"! table.bad_role",
		"! chat.invalid_email",
		"! table.formula",
		"! table.formula",
		"! table.formula",
		"! table.no_member",
		"person users/e@example.com e@example.com | Team | ")
	for _, r := range tb.Records[:7] {
		if r.Problem.Params["row"] == "" {
			t.Errorf("problem %s names no row", r.Problem.Code)
		}
	}
}

func TestRoles(t *testing.T) {
	for in, want := range map[string]chat.Role{
		"member": chat.RoleMember, " Manager ": chat.RoleAssistantManager, "OWNER": chat.RoleOwner,
		"участник": chat.RoleMember, "Менеджер": chat.RoleAssistantManager, "владелец": chat.RoleOwner,
		"ROLE_MEMBER": chat.RoleMember, "ROLE_ASSISTANT_MANAGER": chat.RoleAssistantManager, "ROLE_MANAGER": chat.RoleOwner,
	} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRole("admin"); problem.CodeOf(err) != CodeBadRole {
		t.Fatalf("admin: %v", err)
	}
}

func TestGroups(t *testing.T) {
	tb := mustParse(t, "person,group,space\n"+
		",Team <team@Example.com>,S\n"+
		",groups/abc123,S\n"+
		"GROUP:sales@example.com,,S\n"+
		"x@example.com,team@example.com,S\n"+
		",groups/../x,S\n")
	wantRecords(t, tb,
		"group  team@example.com | S | ",
		"group groups/abc123  | S | ",
		"group  sales@example.com | S | ",
		"! table.person_and_group",
		"! table.bad_group")
}

// A cell listing several addresses, as the add form's box takes them, gives a record each.
func TestSeveralAddressesInOneCell(t *testing.T) {
	tb := mustParse(t, "email\tspace\n\"\"\"Doe, Jane\"\" <jane@example.com>; bob@example.com\"\tTeam\n")
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Team | ",
		"person users/bob@example.com bob@example.com | Team | ")
	if tb.Records[0].Name != "Doe, Jane" || tb.Records[1].Row != 2 {
		t.Fatalf("%+v", tb.Records)
	}
}

func TestAQuoteLeftOpenSaysWhichRowsItTakes(t *testing.T) {
	tb := mustParse(t, "email,space\na@example.com,\"Team\nb@example.com,T\nc@example.com,T\n")
	wantRecords(t, tb,
		"! table.run_on_quote")
	if p := tb.Records[0].Problem; p.Params["row"] != "2" || p.Params["last"] != "4" {
		t.Fatalf("params %v", p.Params)
	}
}

func TestBadQuotesAreOneRowsProblem(t *testing.T) {
	tb := mustParse(t, "email,space\na@example.com,Team\nb@example.com,Te\"am\nc@example.com,Team\n")
	wantRecords(t, tb,
		"person users/a@example.com a@example.com | Team | ",
		"! table.bad_quotes",
		"person users/c@example.com c@example.com | Team | ")
}

func utf16Bytes(s string, be, bom bool) []byte {
	var b bytes.Buffer
	order := binary.ByteOrder(binary.LittleEndian)
	if be {
		order = binary.BigEndian
	}
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		_ = binary.Write(&b, order, u)
	}
	return b.Bytes()
}

// Excel's "Unicode text" is UTF-16 with tabs; it reads as the same table as UTF-8.
func TestUTF16IsConverted(t *testing.T) {
	text := "Почта\tЧат\tРоль\njane@example.com\tКоманда 😀\tвладелец\n"
	want := mustParse(t, text)
	for _, c := range []struct {
		name    string
		be, bom bool
		enc     string
	}{{"le bom", false, true, "utf-16le"}, {"be bom", true, true, "utf-16be"}, {"le no bom", false, false, "utf-16le"}, {"be no bom", true, false, "utf-16be"}} {
		tb, err := Read(bytes.NewReader(utf16Bytes(text, c.be, c.bom)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if tb.Encoding != c.enc || len(tb.Records) != 1 || brief(tb.Records[0]) != brief(want.Records[0]) {
			t.Fatalf("%s: encoding %q records %+v", c.name, tb.Encoding, tb.Records)
		}
	}
}

func TestUTF16ReaderAcrossBufferBoundaries(t *testing.T) {
	s := strings.Repeat("a😀б", 10000) // surrogate pairs straddle every read size
	got, err := io.ReadAll(newUTF16Reader(bytes.NewReader(utf16Bytes(s, false, false)), false))
	if err != nil || string(got) != s {
		t.Fatalf("round trip failed: %v, %d bytes", err, len(got))
	}
	got, _ = io.ReadAll(newUTF16Reader(bytes.NewReader([]byte{0x3D, 0xD8, 'a'}), false)) // lone surrogate, odd byte
	if !utf8.Valid(got) || !strings.Contains(string(got), "\uFFFD") {
		t.Fatalf("broken UTF-16: %q", got)
	}
}

func TestRefusedFiles(t *testing.T) {
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	cp1251 := []byte("email;чат\njane@example.com;\xCA\xEE\xEC\xE0\xED\xE4\xE0\n") // "Команда" in Windows-1251
	for name, c := range map[string]struct {
		in   []byte
		code string
	}{
		"binary":        {bin, CodeBinary},
		"control chars": {bytes.Repeat([]byte("\x01\x02a"), 100), CodeBinary},
		"xlsx":          {append([]byte("PK\x03\x04"), bin...), CodeWorkbook},
		"xls":           {append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bin...), CodeWorkbook},
		"windows-1251":  {cp1251, CodeNotUTF8},
		"empty":         {nil, CodeEmpty},
		"blank rows":    {[]byte(" , \n\t\n\n"), CodeEmpty},
		"header only":   {[]byte("email,space\n"), CodeEmpty},
		"no addresses":  {[]byte("Team A,member\nTeam B,owner\n"), CodeNoPeople},
		"header no who": {[]byte("space,role\nTeam,member\n"), CodeNoPeople},
		"10000 columns": {[]byte("a@example.com" + strings.Repeat(",x", 9999) + "\n"), CodeTooManyColumns},
	} {
		_, err := Read(bytes.NewReader(c.in))
		if problem.CodeOf(err) != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
			continue
		}
		wantRefused(t, err, c.code)
	}
}

// A 200 MB file is refused having read no more than the cap (and a buffer): it is never held
// whole. (Long rows, so that the row cap does not come first.)
func TestTooBigStopsReadingAtTheCap(t *testing.T) {
	src := &repeat{line: "a@example.com," + strings.Repeat("x", 100_000) + "\n"}
	_, err := Read(io.LimitReader(src, 200<<20))
	wantRefused(t, err, CodeTooBig)
	if src.read > MaxBytes+1<<20 {
		t.Fatalf("read %d bytes of a 200 MB file; the cap is %d", src.read, MaxBytes)
	}
}

type repeat struct {
	line string
	read int64
}

func (r *repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.line[(r.read+int64(i))%int64(len(r.line))]
	}
	r.read += int64(len(p))
	return len(p), nil
}

// The row cap counts rows of data, not the header; reaching it is fine, passing it refuses the
// file. (Small limits: 100,000 rows take half a minute under the race detector.)
func TestRowCap(t *testing.T) {
	lim := Limits{Bytes: MaxBytes, Rows: 100, Columns: MaxColumns}
	for _, header := range []string{"email,space\n", ""} {
		var b strings.Builder
		b.WriteString(header)
		for i := 0; i < lim.Rows; i++ {
			b.WriteString("a@example.com,S\n")
		}
		tb, err := ReadLimited(strings.NewReader(b.String()), lim)
		if err != nil || len(tb.Records) != lim.Rows {
			t.Fatalf("header %q, exactly the cap: %d records, %v", header, len(tb.Records), err)
		}
		b.WriteString("a@example.com,S\n")
		_, err = ReadLimited(strings.NewReader(b.String()), lim)
		wantRefused(t, err, CodeTooManyRows)
	}
	_, err := ReadLimited(strings.NewReader("a@example.com,x,y\n"), Limits{Bytes: MaxBytes, Rows: 10, Columns: 2})
	wantRefused(t, err, CodeTooManyColumns)
	if DefaultLimits() != (Limits{Bytes: MaxBytes, Rows: MaxRows, Columns: MaxColumns}) {
		t.Fatalf("Read's limits %+v are not the ones the problems name", DefaultLimits())
	}
}

// The limits the messages name are the ones the code applies.
func TestMessagesNameTheLimits(t *testing.T) {
	if MaxBytes != 20<<20 || !strings.Contains(probTooBig.Message, "20 MB") {
		t.Fatal("table.too_big must name MaxBytes")
	}
	if MaxRows != 100_000 || !strings.Contains(probTooManyRows.Message, "100,000") {
		t.Fatal("table.too_many_rows must name MaxRows")
	}
	if MaxColumns != 200 || !strings.Contains(probTooManyColumns.Message, "200") {
		t.Fatal("table.too_many_columns must name MaxColumns")
	}
}

func TestDelimiterDetection(t *testing.T) {
	for in, want := range map[string]string{
		"a@example.com\n":                          ",",
		"a@example.com;S\nb@example.com;S\n":       ";",
		"a@example.com,S\nb@example.com,S\n":       ",",
		"a@example.com\t\"S, T; U\"\nb@x.com\tS\n": "\t",
		"email;space\n\"a, b\" <a@x.com>;S, T\n":   ";",
	} {
		tb, err := Parse(in)
		if err != nil || tb.Delimiter != want {
			t.Errorf("%q: delimiter %q, %v; want %q", in, tb.Delimiter, err, want)
		}
	}
}

// Whatever is pasted or read, Read neither panics nor accepts what a request would refuse:
// every record is refused with a coded problem, or names a valid member, space and role.
func FuzzTable(f *testing.F) {
	for _, s := range []string{
		"email,space,role\njane@example.com,Team,manager\n",
		"Почта;Чат\njane@example.com;spaces/AAAA\n",
		"a@b.cc\thttps://chat.google.com/room/X\towner\n\"q\"\"\n",
		"group:x@y.zz,spaces/A/../B,=1\n",
		"\xff\xfee\x00m\x00",
		"\xef\xbb\xbf,,,\n\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		tb, err := Read(bytes.NewReader(in))
		checkFuzzed(t, tb, err)
		tb, err = Parse(string(in))
		checkFuzzed(t, tb, err)
	})
}

func checkFuzzed(t *testing.T, tb Table, err error) {
	t.Helper()
	if err != nil {
		if problem.CodeOf(err) == "" {
			t.Fatalf("error without a code: %v", err)
		}
		return
	}
	for _, r := range tb.Records {
		for _, c := range r.Cells {
			if !utf8.ValidString(c) {
				t.Fatalf("cell not UTF-8: %q", c)
			}
		}
		if r.Problem != nil {
			if r.Problem.Code == "" || r.Problem.Message == "" {
				t.Fatalf("problem without code or message: %+v", r.Problem)
			}
			continue
		}
		switch r.Kind {
		case chat.KindPerson:
			if _, _, err := chat.PersonName(r.Member); err != nil {
				t.Fatalf("accepted person %q: %v", r.Member, err)
			}
		case chat.KindGroup:
			if r.Member == "" && r.Email == "" {
				t.Fatalf("group with neither id nor address: %+v", r)
			}
			if r.Email != "" {
				if _, err := chat.NormalizeEmail(r.Email); err != nil {
					t.Fatalf("accepted group %q: %v", r.Email, err)
				}
			}
		default:
			t.Fatalf("accepted record of kind %q", r.Kind)
		}
		if r.Space != "" {
			if err := chat.ValidateSpaceName(r.Space); err != nil {
				t.Fatalf("accepted space %q: %v", r.Space, err)
			}
		}
		if r.Role != "" {
			if _, err := ParseRole(string(r.Role)); err != nil {
				t.Fatalf("accepted role %q", r.Role)
			}
		}
		if strings.HasPrefix(r.Email, "=") || strings.HasPrefix(r.SpaceName, "=") {
			t.Fatalf("accepted a formula: %+v", r)
		}
	}
}

// A list of people as the add form's box reads it becomes records without space or role.
func TestFromRecipients(t *testing.T) {
	recs := FromRecipients(recipients.Parse(`"Doe, Jane" <jane@Example.com>, users/123; nope; =x@example.com`).Entries)
	wantRecords(t, Table{Records: recs},
		"person users/jane@example.com jane@example.com |  | ",
		"person users/123  |  | ",
		"! chat.invalid_email",
		"! table.formula")
	if recs[3].Problem.Params["row"] != "4" {
		t.Fatalf("formula problem names row %q", recs[3].Problem.Params["row"])
	}
	if recs[0].Name != "Doe, Jane" || recs[2].Row != 3 {
		t.Fatalf("%+v", recs)
	}
}

// A list as a mail program copies it has quotes no spreadsheet writes; a paste of nothing but
// such addresses is read as the add form reads it.
func TestPasteOfAMailList(t *testing.T) {
	tb := mustParse(t, "\"Doe, Jane\" <jane@example.com>, \"Roe, Bob\" <bob@example.com>;\ncarol@example.com")
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com |  | ",
		"person users/bob@example.com bob@example.com |  | ",
		"person users/carol@example.com carol@example.com |  | ")
	if tb.Records[1].Name != "Roe, Bob" {
		t.Fatalf("name %q", tb.Records[1].Name)
	}
	// Anything that is not an address (a space's name) makes it a table again.
	tb = mustParse(t, "jane@example.com,Team A\n")
	wantRecords(t, tb, "person users/jane@example.com jane@example.com | Team A | ")
}

func TestExcelSepLineAndOldMacLineEnds(t *testing.T) {
	tb := mustParse(t, "sep=;\r\nemail;space\r\njane@example.com;Team, A\r\n")
	if tb.Delimiter != ";" || !tb.Header {
		t.Fatalf("delimiter %q header %v", tb.Delimiter, tb.Header)
	}
	wantRecords(t, tb, "person users/jane@example.com jane@example.com | Team, A | ")
	tb = mustParse(t, "email,space\rjane@example.com,Team A\rbob@example.com,Team B\r")
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | Team A | ",
		"person users/bob@example.com bob@example.com | Team B | ")
}

// A cell csvexport escaped reads back as its value; an escaped formula is still a formula.
func TestApostropheOfAnExportIsDropped(t *testing.T) {
	tb := mustParse(t, "email,space\njane@example.com,'-Ops\nbob@example.com,'=1+1\n")
	wantRecords(t, tb,
		"person users/jane@example.com jane@example.com | -Ops | ",
		"! table.formula")
}
