from psycopg2 import sql
from sqlalchemy import text

TABLE = "accounts"


def find_account(cur, email):
    cur.execute("SELECT id FROM accounts WHERE email = %s", (email,))
    return cur.fetchone()


def count_rows(cur):
    cur.execute("SELECT count(*) FROM " + TABLE)
    return cur.fetchone()


def by_column(cur, column, value):
    query = sql.SQL("SELECT id FROM accounts WHERE {} = %s").format(sql.Identifier(column))
    cur.execute(query, (value,))
    return cur.fetchall()


def run_statement(session, statement):
    return session.execute(statement)


def active(session, since):
    return session.execute(text("SELECT id FROM accounts WHERE created_at > :since"), {"since": since})
