import { describe, expect, it } from 'vitest';
import { javascriptSqlCalls } from '../../../src/extract/javascript/sql-calls.js';
import { pythonSqlCalls } from '../../../src/extract/python/sql-calls.js';
import { run, sqlLines } from './parse.js';

describe('javascript/sql-calls', () => {
  it('classifies how the text of known SQL sinks was built', async () => {
    expect(sqlLines(await run(javascriptSqlCalls, 'src/db.js', [
      "const { Pool } = require('pg');",
      'const pool = new Pool();',
      'async function find(req) {',
      '  await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);',
      "  await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);",
      "  await pool.query('SELECT * FROM users');",
      "  await sequelize.query('SELECT * FROM t WHERE a = ' + req.query.a);",
      "  await knex('t').whereRaw('a = ' + req.query.a);",
      "  await prisma.$queryRawUnsafe('SELECT * FROM t WHERE a = ' + req.query.a);",
      '  await prisma.$queryRaw`SELECT * FROM t WHERE a = ${req.query.a}`;',
      "  await db.query({ sql: 'SELECT * FROM t WHERE a = ' + req.query.a });",
      '}',
    ]))).toEqual([
      '4 pool.query interpolated true',
      '5 pool.query parameterised false',
      '6 pool.query literal false',
      '7 sequelize.query concatenated true',
      '8 knex.whereRaw concatenated true',
      '9 prisma.$queryRawUnsafe concatenated true',
      '11 db.query concatenated true',
      '10 prisma.$queryRaw parameterised false',
    ]);
  });

  it('follows local variables, += and .concat, and records where the text was built', async () => {
    expect(sqlLines(await run(javascriptSqlCalls, 'src/db.ts', [
      'export async function search(conn, req) {',
      "  let sql = 'SELECT * FROM items WHERE 1 = 1';",
      "  if (req.query.name) sql += \" AND name = '\" + req.query.name + \"'\";",
      '  await conn.query(sql);',
      "  let q = 'SELECT * FROM items WHERE id = ';",
      '  q = q.concat(req.params.id);',
      '  await conn.execute(q);',
      "  const text = util.format(\"SELECT * FROM items WHERE tag = '%s'\", req.query.tag);",
      '  await conn.query(text);',
      '}',
    ]))).toEqual([
      '4 conn.query concatenated true @3',
      '7 conn.execute concatenated true @6',
      '9 conn.query formatted true @8',
    ]);
  });

  it('does not treat constants, placeholders lists or pass-through parameters as dynamic', async () => {
    expect(sqlLines(await run(javascriptSqlCalls, 'src/db.js', [
      "const TABLE = 'users';",
      'function run(db, sql, params) {',
      '  return db.query(sql, params);',
      '}',
      'function many(db, ids) {',
      "  const marks = ids.map(() => '?').join(', ');",
      '  return db.query(`SELECT * FROM ${TABLE} WHERE id IN (${marks})`, ids);',
      '}',
      "db.query('SELECT ' + '1');",
      'class Repo { all() { return this.db.query(`SELECT * FROM ${this.tableName}`); } }',
      "const dir = req.query.desc ? 'DESC' : 'ASC';",
      'db.query(`SELECT * FROM t ORDER BY name ${dir}`);',
    ]))).toEqual([
      '3 db.query unknown false',
      '7 db.query parameterised false',
      '9 db.query literal false',
      '10 db.query literal false',
      '12 db.query literal false',
    ]);
  });

  it('requires SQL-looking text for generic receivers', async () => {
    expect(sqlLines(await run(javascriptSqlCalls, 'src/app.js', [
      "app.get('/users/' + id, handler);",
      'cache.get(`user:${id}`);',
      "store.run('SELECT name FROM t WHERE id = ' + id);",
      "typeormRepo.createQueryBuilder('u').where(`u.name = '${name}'`).getMany();",
    ]))).toEqual([
      '3 store.run concatenated true',
      '4 typeorm.where interpolated true',
    ]);
  });
});

describe('python/sql-calls', () => {
  it('classifies DB-API, SQLAlchemy and Django sinks', async () => {
    expect(sqlLines(await run(pythonSqlCalls, 'app/repo.py', [
      'from sqlalchemy import text',
      'def find(cur, session, request):',
      '    name = request.args["name"]',
      '    cur.execute("SELECT * FROM t WHERE name = \'%s\'" % name)',
      '    cur.execute("SELECT * FROM t WHERE name = %s", (name,))',
      '    cur.execute(f"SELECT * FROM t WHERE name = \'{name}\'")',
      '    cur.execute("SELECT * FROM t WHERE name = \'{}\'".format(name))',
      '    cur.execute("SELECT * FROM t WHERE name = \'" + name + "\'")',
      '    session.execute(text("SELECT * FROM t WHERE name = :n"), {"n": name})',
      '    session.execute(text(f"SELECT * FROM t WHERE name = \'{name}\'"))',
      '    Person.objects.raw("SELECT * FROM p WHERE n = %s" % name)',
      '    Person.objects.extra(where=["n = %s" % name])',
    ]))).toEqual([
      '4 cur.execute formatted true',
      '5 cur.execute parameterised false',
      '6 cur.execute interpolated true',
      '7 cur.execute formatted true',
      '8 cur.execute concatenated true',
      '9 session.execute unknown false',
      '9 sqlalchemy.text literal false',
      '10 session.execute unknown false',
      '10 sqlalchemy.text interpolated true',
      '11 django.raw formatted true',
      '12 django.extra formatted true',
    ]);
  });

  it('follows assignments and +=, and ignores constant-only building', async () => {
    expect(sqlLines(await run(pythonSqlCalls, 'app/repo.py', [
      'LIMIT = 10',
      'def search(cur, term):',
      '    query = "SELECT * FROM items WHERE 1 = 1"',
      '    query += " AND name LIKE \'%" + term + "%\'"',
      '    cur.execute(query)',
      '    q2 = "SELECT * FROM items" + " LIMIT " + str(LIMIT)',
      '    cur.execute(q2)',
      '    q3 = "SELECT * FROM items".format()',
      '    cur.execute(q3)',
      '    cur.execute("SELECT * FROM items WHERE id IN (%s)" % ", ".join(["%s"] * 3), [1, 2, 3])',
      'def passthrough(cur, sql):',
      '    cur.execute(sql)',
    ]))).toEqual([
      '5 cur.execute concatenated true @4',
      '7 cur.execute literal false',
      '9 cur.execute literal false',
      '10 cur.execute parameterised false',
      '12 cur.execute unknown false',
    ]);
  });

  it('recognises SQLAlchemy query methods with built strings and psycopg2 sql composition', async () => {
    expect(sqlLines(await run(pythonSqlCalls, 'app/views.py', [
      'from psycopg2 import sql',
      'def view(request, session, cur):',
      '    param = request.params["sort"]',
      '    session.query(User).order_by("name {}".format(param))',
      '    session.query(User).filter(User.id == param)',
      '    cur.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(param)))',
      '    requests.get("https://example.com/select?from=" + param)',
    ]))).toEqual([
      '4 sqlalchemy.order_by formatted true',
      '6 cur.execute parameterised false',
    ]);
  });
});
