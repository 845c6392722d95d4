package store

import (
	"database/sql"
	"fmt"
	"net/http"
	"strings"
)

func FindOrders(db *sql.DB, r *http.Request) (*sql.Rows, error) {
	status := r.URL.Query().Get("status")
	// expect: sql-built-by-concatenation
	return db.Query("SELECT id, total FROM orders WHERE status = '" + status + "'")
}

func DeleteOrder(db *sql.DB, id string) error {
	q := fmt.Sprintf("DELETE FROM orders WHERE id = '%s'", id)
	// expect: sql-built-by-concatenation
	_, err := db.Exec(q)
	return err
}

func SearchOrders(db *sql.DB, customer string) (*sql.Rows, error) {
	var b strings.Builder
	b.WriteString("SELECT id FROM orders WHERE customer = '")
	b.WriteString(customer)
	b.WriteString("'")
	// expect: sql-built-by-concatenation
	return db.Query(b.String())
}
