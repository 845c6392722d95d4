package store

import (
	"database/sql"
	"fmt"
	"strings"
)

const ordersTable = "orders"

func FindOrders(db *sql.DB, status string) (*sql.Rows, error) {
	return db.Query("SELECT id, total FROM "+ordersTable+" WHERE status = $1", status)
}

func PageOrders(db *sql.DB, limit int) (*sql.Rows, error) {
	return db.Query(fmt.Sprintf("SELECT id FROM orders LIMIT %d", limit))
}

func FilterOrders(db *sql.DB, byCustomer bool, customer string) (*sql.Rows, error) {
	conds := []string{"deleted_at IS NULL"}
	args := []any{}
	if byCustomer {
		conds = append(conds, "customer = $1")
		args = append(args, customer)
	}
	return db.Query("SELECT id FROM orders WHERE "+strings.Join(conds, " AND "), args...)
}
