// The shared "how was this string built" analysis: constant branches, switch cases, collections,
// same-file helpers and numeric values, exercised through the Java and Go SQL extractors.
import { describe, expect, it } from 'vitest';
import { goSqlCalls } from '../../../src/extract/code/go/sql-calls.js';
import { javaSqlCalls } from '../../../src/extract/code/java/sql-calls.js';
import { run, sqlLines } from './parse.js';

const wrap = (body: string[]) => [
  'class Reports {',
  '  void run(Statement st, HttpServletRequest request) throws Exception {',
  '    String input = request.getParameter("q");',
  ...body.map((l) => `    ${l}`),
  '  }',
  '  private String pick(String value) { return "fixed"; }',
  '  private String echo(String value) { return value.trim(); }',
  '  public int count() { return 3; }',
  '}',
];

describe('built text: values that are provably constant', () => {
  it('drops branches whose condition is constant and keeps both sides otherwise', async () => {
    const facts = await run(javaSqlCalls, 'Reports.java', wrap([
      'int limit = 40;',
      'String a = (limit * 2) > 100 ? input : "name";',
      'st.executeQuery("SELECT * FROM t ORDER BY " + a);',
      'String b;',
      'if (limit > 10) b = "id"; else b = input;',
      'st.executeQuery("SELECT * FROM t ORDER BY " + b);',
      'String c = input.isEmpty() ? "id" : input;',
      'st.executeQuery("SELECT * FROM t ORDER BY " + c);',
    ]));
    expect(sqlLines(facts)).toEqual(['6 st.executeQuery literal false', '9 st.executeQuery literal false', '11 st.executeQuery concatenated true']);
  });

  it('evaluates switch subjects built from constants', async () => {
    const facts = await run(javaSqlCalls, 'Reports.java', wrap([
      'String mode = "XYZ";',
      'String col;',
      'switch (mode.charAt(1)) {',
      '  case \'X\': col = input; break;',
      '  case \'Y\': col = "created_at"; break;',
      '  default: col = input; break;',
      '}',
      'st.executeQuery("SELECT * FROM t ORDER BY " + col);',
    ]));
    expect(sqlLines(facts)).toEqual(['11 st.executeQuery literal false']);
  });

  it('follows list and map contents by index and key', async () => {
    const facts = await run(javaSqlCalls, 'Reports.java', wrap([
      'java.util.List<String> cols = new java.util.ArrayList<>();',
      'cols.add("id");',
      'cols.add(input);',
      'cols.add("name");',
      'cols.remove(1);',
      'st.executeQuery("SELECT " + cols.get(1) + " FROM t");',
      'java.util.Map<String, String> m = new java.util.HashMap<>();',
      'm.put("safe", "id");',
      'm.put("user", input);',
      'st.executeQuery("SELECT * FROM t ORDER BY " + m.get("safe"));',
      'st.executeQuery("SELECT * FROM t ORDER BY " + m.get("user"));',
    ]));
    expect(sqlLines(facts)).toEqual(['9 st.executeQuery literal false', '13 st.executeQuery literal false', '14 st.executeQuery concatenated true']);
  });

  it('follows same-file helpers with their arguments, and numeric return types', async () => {
    const facts = await run(javaSqlCalls, 'Reports.java', wrap([
      'st.executeQuery("SELECT * FROM t WHERE a = \'" + pick(input) + "\'");',
      'st.executeQuery("SELECT * FROM t WHERE a = \'" + echo(input) + "\'");',
      'st.executeQuery("SELECT * FROM t WHERE a = \'" + echo("x") + "\'");',
      'st.executeQuery("SELECT * FROM t LIMIT " + count());',
    ]));
    expect(sqlLines(facts)).toEqual(['4 st.executeQuery literal false', '5 st.executeQuery concatenated true', '6 st.executeQuery literal false', '7 st.executeQuery literal false']);
  });
});

describe('built text: Go', () => {
  it('treats numeric verbs, numeric parameters and conversions as constant, and request values as runtime text', async () => {
    const facts = await run(goSqlCalls, 'store/q.go', [
      'package store',
      'import ("database/sql"; "fmt"; "net/http"; "strconv")',
      'func Q(db *sql.DB, r *http.Request, page int, name string) {',
      '  db.Query(fmt.Sprintf("SELECT * FROM t LIMIT 10 OFFSET %d", page))',
      '  db.Query(fmt.Sprintf("SELECT * FROM t WHERE n = \'%s\' LIMIT %d", name, page))',
      '  db.Query("SELECT * FROM t WHERE id = " + strconv.Itoa(page))',
      '  sort := r.URL.Query().Get("sort")',
      '  db.Query("SELECT * FROM t ORDER BY " + sort)',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '4 db.Query literal false',
      '5 db.Query formatted true',
      '6 db.Query literal false',
      '8 db.Query concatenated true',
    ]);
  });
});

describe('built text: placeholder lists', () => {
  it('treats joined lists of constant placeholders as constant text', async () => {
    const facts = await run(goSqlCalls, 'store/in.go', [
      'package store',
      'import ("database/sql"; "fmt"; "strings")',
      'func ByIDs(db *sql.DB, ids []int64, names []string) {',
      '  marks := make([]string, len(ids))',
      '  for i := range ids {',
      '    marks[i] = "?"',
      '  }',
      '  db.Query(fmt.Sprintf("SELECT * FROM t WHERE id IN (%s)", strings.Join(marks, ",")))',
      '  db.Query("SELECT * FROM t WHERE name IN (\'" + strings.Join(names, "\',\'") + "\')")',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual(['8 db.Query literal false', '9 db.Query concatenated true']);
  });
});
