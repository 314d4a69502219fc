package table

import "chatmembers/backend/problem"

// Problem codes of this package. The first group refuses a whole file; the second is a verdict on
// one row, which never stops the rows around it.
const (
	CodeTooBig         = "table.too_big"
	CodeTooManyRows    = "table.too_many_rows"
	CodeTooManyColumns = "table.too_many_columns"
	CodeBinary         = "table.binary"
	CodeWorkbook       = "table.workbook"
	CodeNotUTF8        = "table.not_utf8"
	CodeEmpty          = "table.empty"
	CodeNoPeople       = "table.no_people"

	CodeBadQuotes      = "table.bad_quotes"
	CodeRunOnQuote     = "table.run_on_quote"
	CodeFormula        = "table.formula"
	CodeNoMember       = "table.no_member"
	CodePersonAndGroup = "table.person_and_group"
	CodeBadLink        = "table.bad_link"
	CodeBadRole        = "table.bad_role"
	CodeBadGroup       = "table.bad_group"
)

// The fixes name MaxBytes (in MB), MaxRows and MaxColumns; a test keeps them in step.
var (
	probTooBig = problem.New(CodeTooBig,
		"The file is larger than 20 MB, more than a list of members can be.",
		"Split the list into smaller files, or remove columns the app doesn't need (keep email, space and role).")
	probTooManyRows = problem.New(CodeTooManyRows,
		"The list has more than 100,000 rows, more than one job can take.",
		"Split the list into files of at most 100,000 rows and run them one after the other.")
	probTooManyColumns = problem.New(CodeTooManyColumns,
		"Row {row} has {columns} columns; a list of members needs at most 200.",
		"Keep only the columns for the person or group, the space and the role, then save the file again.", "row", "columns")
	probBinary = problem.New(CodeBinary,
		"This file isn't text: it can't be a list of people.",
		"Choose a CSV file, or copy the cells in your spreadsheet and paste them here.")
	probWorkbook = problem.New(CodeWorkbook,
		"This is a spreadsheet workbook (Excel or LibreOffice), not a CSV file.",
		"In your spreadsheet choose File > Save As (or Save a Copy) and the type “CSV UTF-8”, then choose that file. Or copy the cells and paste them here.")
	probNotUTF8 = problem.New(CodeNotUTF8,
		"The file's text isn't in UTF-8, so names in it would come out garbled.",
		"In Excel choose File > Save As and the type “CSV UTF-8 (comma delimited)”; in LibreOffice choose the character set “Unicode (UTF-8)” when saving.")
	probEmpty = problem.New(CodeEmpty,
		"There are no rows in it.",
		"Paste or choose a list with one person or group per row.")
	probNoPeople = problem.New(CodeNoPeople,
		"No column of email addresses was found.",
		"Put the people's or groups' email addresses in a column, ideally headed “email” (or “group” for Google Groups).")

	probBadQuotes = problem.New(CodeBadQuotes,
		"Row {row} has a quotation mark out of place, so its cells can't be told apart.",
		"Put the whole cell in double quotes and double any quotation mark inside it (\"\"), or remove the quotation mark.", "row")
	probRunOnQuote = problem.New(CodeRunOnQuote,
		"Row {row} opens a quotation mark that runs on to row {last}, so those rows can't be read.",
		"Check the quotation marks in row {row}: a cell in quotes must end with one, and a quotation mark inside it must be doubled (\"\").", "row")
	probFormula = problem.New(CodeFormula,
		"Row {row} holds a spreadsheet formula (“{cell}”), not a value; formulas are never run.",
		"In the spreadsheet copy the column and paste it back as values only, then save or copy it again.", "row")
	probNoMember = problem.New(CodeNoMember,
		"Row {row} names no person or group.",
		"Fill in an email address, or remove the row.", "row")
	probPersonAndGroup = problem.New(CodePersonAndGroup,
		"Row {row} names both a person and a group.",
		"Put the person and the group on rows of their own.", "row")
	probBadLink = problem.New(CodeBadLink,
		"“{link}” isn't a link to a Google Chat space.",
		"Copy the space's link from Google Chat (it contains /room/ or #chat/space/), or write the space's name.", "row")
	probBadRole = problem.New(CodeBadRole,
		"“{role}” isn't a role in a space.",
		"Write member, manager or owner (or leave it empty for member).", "row")
	probBadGroup = problem.New(CodeBadGroup,
		"“{group}” isn't a Google Group's email address.",
		"Write the group's address, for example team@example.com.", "row")
)

// Problems lists every problem this package defines, for the frontend's generated catalogue.
func Problems() []*problem.Problem {
	return []*problem.Problem{probTooBig, probTooManyRows, probTooManyColumns, probBinary, probWorkbook,
		probNotUTF8, probEmpty, probNoPeople, probBadQuotes, probRunOnQuote, probFormula, probNoMember, probPersonAndGroup,
		probBadLink, probBadRole, probBadGroup}
}
