// Shapes met while measuring finding precision on real repositories (issue #4): each case is
// hand-written and reproduces the shape only.
import { describe, expect, it } from 'vitest';
import { goJwtCalls } from '../../../src/extract/code/go/jwt-calls.js';
import { goSqlCalls } from '../../../src/extract/code/go/sql-calls.js';
import { javaSqlCalls } from '../../../src/extract/code/java/sql-calls.js';
import { phpSqlCalls } from '../../../src/extract/code/php/sql-calls.js';
import { jwtLines, run, sqlLines } from './parse.js';

describe('sql-call: statements recognised by their text', () => {
  it('reports SET SCHEMA built from a runtime value on a generic execute', async () => {
    const facts = await run(javaSqlCalls, 'Tenant.java', [
      'class Tenant {',
      '  void use(Connection target, Account account) throws Exception {',
      '    try (var st = target.createStatement()) {',
      '      st.execute("SET SCHEMA \\"" + account.getName() + "\\"");',
      '      st.execute("SET SCHEMA PUBLIC");',
      '    }',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual(['4 st.execute concatenated true', '5 st.execute literal false']);
  });
});

describe('sql-call: the line a query text was built on', () => {
  it('names the nearest plain assignment of a reassigned query variable', async () => {
    const facts = await run(phpSqlCalls, 'report.php', [
      '<?php',
      '$sql = "SELECT id FROM teams WHERE owner = \'" . current_owner() . "\'";',
      '$res = mysqli_query($db, $sql);',
      'if (isset($_GET["team"])) {',
      '    $team = $_GET["team"];',
      '    $sql = "SELECT name FROM members WHERE team = \'$team\'";',
      '    $res = mysqli_query($db, $sql);',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual(['3 mysqli_query concatenated true @2', '7 mysqli_query interpolated true @6']);
  });
});

describe('go/jwt-calls: ParseUnverified', () => {
  it('does not report a decode that reads the kid header to choose the verification key', async () => {
    const facts = await run(goJwtCalls, 'auth/keys.go', [
      'package auth',
      'import "github.com/golang-jwt/jwt/v5"',
      'func (a *Auth) Check(raw string) error {',
      '  token, _, err := a.parser.ParseUnverified(raw, &Claims{})',
      '  if err != nil { return err }',
      '  kid, _ := token.Header["kid"].(string)',
      '  return a.policy.Evaluate(raw, a.keys.Public(kid))',
      '}',
      'func Peek(raw string) string {',
      '  token, _, _ := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})',
      '  return token.Header["typ"].(string)',
      '}',
    ]);
    expect(jwtLines(facts)).toEqual(['4 golang-jwt decode -', '10 golang-jwt decode decode-only']);
  });
});

describe('go/sql-calls: query builders', () => {
  it('does not report clause fragments joined into a query whose values are bound as one spread slice', async () => {
    const facts = await run(goSqlCalls, 'store/orders.go', [
      'package store',
      'import (',
      '  "database/sql"',
      '  "strconv"',
      '  "strings"',
      ')',
      'type OrderQuery struct { db *sql.DB; conditions []string; args []any }',
      'func (q *OrderQuery) WithStatus(s string) *OrderQuery {',
      '  q.args = append(q.args, s)',
      '  q.conditions = append(q.conditions, "status = $"+strconv.Itoa(len(q.args)))',
      '  return q',
      '}',
      'func (q *OrderQuery) Fetch() (*sql.Rows, error) {',
      '  query := "SELECT id FROM orders WHERE " + strings.Join(q.conditions, " AND ")',
      '  return q.db.Query(query, q.args...)',
      '}',
      'func (q *OrderQuery) ByName(name string) (*sql.Rows, error) {',
      '  query := "SELECT id FROM orders WHERE name = \'" + name + "\' AND " + strings.Join(q.conditions, " AND ")',
      '  return q.db.Query(query, q.args...)',
      '}',
      'func (q *OrderQuery) ByNote(note string, id int) (*sql.Rows, error) {',
      '  return q.db.Query("SELECT id FROM orders WHERE note = " + note + " AND id = $1", id)',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '15 db.Query parameterised true',
      '19 db.Query concatenated true @18',
      '22 db.Query concatenated true',
    ]);
  });
});

describe('php/sql-calls: Laravel column arguments', () => {
  it('does not report a column path built from an alias, and still reports request input and expressions', async () => {
    const facts = await run(phpSqlCalls, 'app/Permissions/Scopes.php', [
      '<?php',
      'use Illuminate\\Support\\Facades\\DB;',
      'class Scopes {',
      '  public function visible($query, string $alias, $request) {',
      "    $query->where($alias . '.entity_type', '=', 'page');",
      "    $query->where($table['name'] . '.' . $table['typeColumn'], '=', 'page');",
      "    $query->orderBy($request->input('sort'));",
      "    $query->where($alias . '.id = ' . $request->input('id'));",
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual(['7 laravel.orderBy concatenated true', '8 laravel.where concatenated true']);
  });
});
