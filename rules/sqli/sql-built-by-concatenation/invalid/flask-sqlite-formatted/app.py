import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.get("/orders")
def orders():
    conn = sqlite3.connect("shop.db")
    cur = conn.cursor()
    status = request.args.get("status", "open")
    # expect: sql-built-by-concatenation
    cur.execute(f"SELECT id, total FROM orders WHERE status = '{status}'")
    return {"orders": cur.fetchall()}


@app.get("/orders/<int:order_id>/lines")
def order_lines(order_id):
    conn = sqlite3.connect("shop.db")
    query = "SELECT sku, qty FROM order_lines WHERE order_id = %s" % order_id
    # expect: sql-built-by-concatenation
    rows = conn.execute(query).fetchall()
    return {"lines": rows}


@app.get("/customers")
def customers():
    sort = request.args.get("sort", "name")
    # expect: sql-built-by-concatenation
    rows = Customer.objects.raw("SELECT * FROM shop_customer ORDER BY {}".format(sort))
    return {"customers": [c.name for c in rows]}
