package store

import (
	"database/sql"
	"strconv"
	"strings"
)

// FeedQuery grows its WHERE clause and its bound values together.
type FeedQuery struct {
	db         *sql.DB
	conditions []string
	args       []any
}

func (f *FeedQuery) WithOwner(ownerID int64) *FeedQuery {
	f.args = append(f.args, ownerID)
	f.conditions = append(f.conditions, "owner_id = $"+strconv.Itoa(len(f.args)))
	return f
}

func (f *FeedQuery) WithoutDisabled() *FeedQuery {
	f.conditions = append(f.conditions, "disabled IS FALSE")
	return f
}

func (f *FeedQuery) Count() (int, error) {
	query := "SELECT count(*) FROM feeds WHERE " + strings.Join(f.conditions, " AND ")
	var n int
	err := f.db.QueryRow(query, f.args...).Scan(&n)
	return n, err
}
