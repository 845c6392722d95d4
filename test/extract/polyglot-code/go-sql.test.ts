import { describe, expect, it } from 'vitest';
import { goSqlCalls } from '../../../src/extract/code/go/sql-calls.js';
import { run, sqlLines } from './parse.js';

const HEAD = ['package store', '', 'import (', '  "database/sql"', '  "fmt"', '  "strconv"', '  "strings"', ')', ''];

describe('go/sql-calls', () => {
  it('classifies database/sql calls by how their text was built', async () => {
    const facts = await run(goSqlCalls, 'store/users.go', [
      ...HEAD,
      'func Find(db *sql.DB, r *http.Request, limit int) {',
      '  name := r.FormValue("name")',
      '  db.Query("SELECT * FROM users WHERE name = \'" + name + "\'")',
      '  db.Query("SELECT * FROM users WHERE name = $1", name)',
      '  q := fmt.Sprintf("DELETE FROM users WHERE name = \'%s\'", name)',
      '  db.Exec(q)',
      '  n := fmt.Sprintf("SELECT * FROM users LIMIT %d", limit)',
      '  db.Query(n)',
      '  id, _ := strconv.Atoi(name)',
      '  db.Exec("DELETE FROM users WHERE id = " + strconv.Itoa(id))',
      '  var sb strings.Builder',
      '  sb.WriteString("SELECT * FROM users WHERE ")',
      '  sb.WriteString("name = \'" + name + "\'")',
      '  db.QueryRowContext(ctx, sb.String())',
      '  db.Query(`SELECT id FROM users`)',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '12 db.Query concatenated true',
      '13 db.Query parameterised false',
      '15 db.Exec formatted true @14',
      '17 db.Query literal false',
      '19 db.Exec literal false',
      '23 db.QueryRowContext concatenated true @22',
      '24 db.Query literal false',
    ]);
  });
});
