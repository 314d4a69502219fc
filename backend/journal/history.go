package journal

import (
	"database/sql"
	"strconv"
	"strings"
	"time"

	"chatmembers/backend/bulk"
	"chatmembers/backend/chat"
)

// Outcomes of a change, as history and rows name them.
const (
	OutcomeAdded         = "added"
	OutcomeInvited       = "invited"
	OutcomeAlreadyMember = "already_member"
	OutcomeRoleSet       = "role_set"
	OutcomeRemoved       = "removed"
	OutcomeFailed        = "failed"
)

// Entry is one change the app made (or tried to make) to a space's membership.
type Entry struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	Account Account   `json:"account"`
	Space   string    `json:"space"`
	// Member is "users/{email}", "users/{id}", "groups/{id}" or a membership name.
	Member  string    `json:"member"`
	Op      bulk.Op   `json:"op"`
	Role    chat.Role `json:"role"`
	Outcome string    `json:"outcome"`
	// Problem is the problem code of a failure ("" when it worked).
	Problem string `json:"problem"`
	// Job is the bulk job the change was part of (0: a single action).
	Job int64 `json:"job"`
}

// Record adds a change made outside a bulk job (a single add, role change or removal).
func (d *DB) Record(e Entry) error {
	if e.At.IsZero() {
		e.At = d.now()
	}
	if e.Outcome == "" && e.Problem != "" {
		e.Outcome = OutcomeFailed
	}
	return d.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO history (at, account_id, account_email, space, member, op, role, outcome, problem, job)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ms(e.At), e.Account.ID, e.Account.Email, e.Space, e.Member,
			e.Op, e.Role, e.Outcome, e.Problem, e.Job)
		return err
	})
}

// Query filters history; zero fields do not filter.
type Query struct {
	// Space is a space's resource name, exactly.
	Space string `json:"space"`
	// Person matches part of the member (an address or id), case-insensitively.
	Person string  `json:"person"`
	Op     bulk.Op `json:"op"`
	// Outcome is an outcome ("added", "failed", ...).
	Outcome string `json:"outcome"`
	// AccountID is the account that made the change.
	AccountID string `json:"accountId"`
	// AccountEmail is the address of the account that made the change, case-insensitively (the
	// UI's "this account": it knows the signed-in address, not Google's account id).
	AccountEmail string `json:"accountEmail"`
	// From and To bound the time: From <= at < To.
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	// Limit is the most entries returned, newest first; 0 means DefaultLimit.
	Limit int `json:"limit"`
}

// DefaultLimit is how many entries a query returns when it does not say.
const DefaultLimit = 1000

// History returns the entries that match q, newest first.
func (d *DB) History(q Query) ([]Entry, error) {
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if q.Space != "" {
		add("space = ?", q.Space)
	}
	if q.Person != "" {
		add("lower(member) LIKE ? ESCAPE '\\'", "%"+likeEscape(strings.ToLower(q.Person))+"%")
	}
	if q.Op != "" {
		add("op = ?", q.Op)
	}
	if q.Outcome != "" {
		add("outcome = ?", q.Outcome)
	}
	if q.AccountID != "" {
		add("account_id = ?", q.AccountID)
	}
	if q.AccountEmail != "" {
		add("lower(account_email) = ?", strings.ToLower(q.AccountEmail))
	}
	if !q.From.IsZero() {
		add("at >= ?", ms(q.From))
	}
	if !q.To.IsZero() {
		add("at < ?", ms(q.To))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	sqlText := `SELECT id, at, account_id, account_email, space, member, op, role, outcome, problem, job FROM history`
	if len(where) > 0 {
		sqlText += " WHERE " + strings.Join(where, " AND ")
	}
	sqlText += " ORDER BY at DESC, id DESC LIMIT ?"
	args = append(args, limit)
	rs, err := d.db.Query(sqlText, args...)
	if err != nil {
		return nil, errWrite.WithDetail(err.Error())
	}
	defer rs.Close()
	var out []Entry
	for rs.Next() {
		var e Entry
		var at int64
		if err := rs.Scan(&e.ID, &at, &e.Account.ID, &e.Account.Email, &e.Space, &e.Member, &e.Op, &e.Role,
			&e.Outcome, &e.Problem, &e.Job); err != nil {
			return nil, errWrite.WithDetail(err.Error())
		}
		e.At = fromMS(at)
		out = append(out, e)
	}
	return out, rs.Err()
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CSVHeader is the header row of a history export.
var csvHeader = []string{"time", "account", "space", "member", "operation", "role", "outcome", "problem", "job"}

// CSVRows is entries as an export's rows, the header first: times in UTC RFC 3339, the
// account by address. The cells are raw: the CSV writer neutralises formulas.
func CSVRows(entries []Entry) [][]string {
	out := make([][]string, 0, len(entries)+1)
	out = append(out, append([]string(nil), csvHeader...))
	for _, e := range entries {
		job := ""
		if e.Job != 0 {
			job = strconv.FormatInt(e.Job, 10)
		}
		out = append(out, []string{e.At.UTC().Format(time.RFC3339), e.Account.Email, e.Space, e.Member,
			string(e.Op), string(e.Role), e.Outcome, e.Problem, job})
	}
	return out
}

// rowsHeader is the header row of a job's export.
var rowsHeader = []string{"row", "space", "member", "operation", "role", "state", "outcome", "problem", "attempts", "finished"}

// RowsCSV is a job's rows as an export's rows (the result table), the header first: rows
// numbered from 1 as the result table shows them, finish times in UTC RFC 3339. The cells are
// raw: the CSV writer neutralises formulas.
func RowsCSV(rows []Row) [][]string {
	out := make([][]string, 0, len(rows)+1)
	out = append(out, append([]string(nil), rowsHeader...))
	for _, r := range rows {
		finished := ""
		if !r.Finished.IsZero() {
			finished = r.Finished.UTC().Format(time.RFC3339)
		}
		out = append(out, []string{strconv.Itoa(r.Index + 1), r.Item.Space, r.Item.Member, string(r.Item.Op),
			string(r.Item.Role), string(r.State), r.Outcome, r.Problem, strconv.Itoa(r.Attempts), finished})
	}
	return out
}
