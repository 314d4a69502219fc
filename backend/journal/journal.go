// Package journal is the app's local record of what it does to Google Chat: every bulk job and
// each of its rows, written before and after each call so that a job survives a crash, kill -9
// or a power cut and is resumed without adding anyone twice; and the history of every change
// (single adds, role changes, removals, bulk rows). It is one SQLite database in the user's data
// folder, through modernc.org/sqlite (pure Go: the backend builds and tests without cgo).
package journal

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"chatmembers/backend/appdirs"
	"chatmembers/backend/problem"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the database's name in Dir.
const FileName = "journal.db"

// Dir is where the journal lives: the user's data folder (appdirs.Data): a job journal and
// history are data the user would miss, unlike the log (logfile.Dir, the state folder).
func Dir() (string, error) { return appdirs.Data() }

// DB is an open journal. It is safe for concurrent use: writes are serialised on one
// connection, each in its own transaction, committed before the call returns.
type DB struct {
	db  *sql.DB
	now func() time.Time
}

// BusyTimeout is how long a write waits for another process (a second copy of the app) that
// holds the database, before failing.
const BusyTimeout = 5 * time.Second

// Open opens (or creates, 0600 in a 0700 folder: it names accounts and people) the journal at
// path and brings its schema up to date.
//
// Durability: WAL journal mode with synchronous=FULL. In WAL mode, NORMAL survives an app crash
// or kill -9 (the WAL is in the OS's cache), but a power cut can lose the last commits; then a
// row's "in flight" mark could vanish after its call was sent, and it would be sent again as if
// new. FULL syncs the WAL on every commit, so a row recorded before its call is on disk before
// the call leaves. The cost, two syncs per row at a few rows a second (Google's quota), is
// nothing next to the call itself.
func Open(path string) (*DB, error) {
	return open(path, len(migrations))
}

// open opens the journal migrated up to version (tests make older databases with it).
func open(path string, version int) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, errOpen.WithDetail(err.Error())
	}
	if f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600); err != nil {
		return nil, errOpen.WithDetail(err.Error())
	} else {
		f.Close()
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()),
		"journal_mode(WAL)",
		"synchronous(FULL)",
		"foreign_keys(1)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // a write transaction takes the lock at BEGIN: no upgrade deadlock
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return nil, errOpen.WithDetail(err.Error())
	}
	// One connection: the pragmas hold for it, and writes from the runner's workers queue here
	// rather than meet SQLITE_BUSY.
	db.SetMaxOpenConns(1)
	d := &DB{db: db, now: time.Now}
	if err := d.migrate(version); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// migrations are the schema's versions in order: migrations[i] takes a database from version i
// (PRAGMA user_version) to i+1. Only append: a released step never changes.
var migrations = []string{
	// 1: jobs, their rows, and the history of changes.
	`CREATE TABLE jobs (
		id INTEGER PRIMARY KEY,
		account_id TEXT NOT NULL,
		account_email TEXT NOT NULL,
		kind TEXT NOT NULL,
		admin INTEGER NOT NULL DEFAULT 0,
		created INTEGER NOT NULL,
		state TEXT NOT NULL
	);
	CREATE TABLE rows (
		job INTEGER NOT NULL REFERENCES jobs(id),
		idx INTEGER NOT NULL,
		op TEXT NOT NULL,
		space TEXT NOT NULL,
		member TEXT NOT NULL,
		member_kind TEXT NOT NULL,
		role TEXT NOT NULL,
		state TEXT NOT NULL,
		outcome TEXT NOT NULL DEFAULT '',
		problem TEXT NOT NULL DEFAULT '',
		membership TEXT NOT NULL DEFAULT '',
		attempts INTEGER NOT NULL DEFAULT 0,
		started INTEGER NOT NULL DEFAULT 0,
		finished INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (job, idx)
	);
	CREATE TABLE history (
		id INTEGER PRIMARY KEY,
		at INTEGER NOT NULL,
		account_id TEXT NOT NULL,
		account_email TEXT NOT NULL,
		space TEXT NOT NULL,
		member TEXT NOT NULL,
		op TEXT NOT NULL,
		role TEXT NOT NULL,
		outcome TEXT NOT NULL,
		problem TEXT NOT NULL,
		job INTEGER NOT NULL DEFAULT 0
	);`,
	// 2: "retry failed" makes a new job of an old one's failed rows and says which; history is
	// searched by date and space, newest first.
	`ALTER TABLE jobs ADD COLUMN retry_of INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX history_at ON history(at);
	CREATE INDEX history_space ON history(space, at);
	CREATE INDEX rows_state ON rows(job, state);`,
}

// migrate applies the steps from the database's version up to version, each in its own
// transaction with its version number, so a crash mid-way leaves a consistent older version.
func (d *DB) migrate(version int) error {
	ctx := context.Background()
	var have int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return errOpen.WithDetail(err.Error())
	}
	if have > len(migrations) {
		return errTooNew.WithDetail(fmt.Sprintf("schema version %d, this app knows %d", have, len(migrations)))
	}
	for v := have; v < version; v++ {
		tx, err := d.db.BeginTx(ctx, nil)
		if err != nil {
			return errOpen.WithDetail(err.Error())
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return errOpen.WithDetail(fmt.Sprintf("migration %d: %v", v+1, err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return errOpen.WithDetail(err.Error())
		}
		if err := tx.Commit(); err != nil {
			return errOpen.WithDetail(err.Error())
		}
	}
	return nil
}

// Version is the schema version of the open database.
func (d *DB) Version() (int, error) {
	var v int
	err := d.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// write runs f in one transaction, committed (and so, with synchronous=FULL, on disk) before
// write returns.
func (d *DB) write(f func(tx *sql.Tx) error) error {
	tx, err := d.db.Begin()
	if err != nil {
		return errWrite.WithDetail(err.Error())
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		if _, ok := problem.As(err); ok {
			return err
		}
		return errWrite.WithDetail(err.Error())
	}
	if err := tx.Commit(); err != nil {
		return errWrite.WithDetail(err.Error())
	}
	return nil
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}
