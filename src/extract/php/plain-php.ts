// Plain PHP scripts as endpoints: a .php file whose top-level code reads request input
// ($_GET, $_POST, $_REQUEST, $_FILES, $_COOKIE, filter_input(INPUT_GET|INPUT_POST|...)) is served by
// the web server at its own path. The path is relative to the web root when the file sits under one
// (public/, public_html/, htdocs/, www/, web/, wwwroot/), else relative to the repository.
// GET always; POST too when it reads a body ($_POST, $_REQUEST, $_FILES, INPUT_POST, php://input).
// Reads inside functions, methods and classes do not count (library code: an include target, a
// controller of a routed framework); nor do vendor/, tests, views and framework directories, nor files
// that refuse direct requests (`if (!defined('ABSPATH')) exit;`, `defined('BASEPATH') OR exit(...)`):
// those are included by another script, which is the endpoint.
import type { Fact, HttpMethod, RouteFact } from '../../core/facts.js';
import { locationOfLine } from '../../languages/location.js';
import type { ParsedFile } from '../../languages/types.js';
import { namedChildren, treeOf, walk, type Node } from '../tree-sitter/ast.js';
import type { Extractor } from '../types.js';
import { stringValue } from './ast.js';
import { isPhpTestPath } from './methods.js';
import { field as fieldOf } from '../tree-sitter/ast.js';

const FRAMEWORK = 'php';
const QUERY_VARS = new Set(['$_GET', '$_COOKIE']);
const BODY_VARS = new Set(['$_POST', '$_REQUEST', '$_FILES']);
const SCOPES = new Set([
  'function_definition', 'method_declaration', 'class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration',
]);
const WEB_ROOTS = new Set(['public', 'public_html', 'htdocs', 'www', 'web', 'wwwroot', 'html']);
/** Directories of framework applications and libraries whose files are included, not requested. */
const NOT_SERVED = /(^|\/)(vendor|node_modules|config|bootstrap|routes|database|storage|resources|views|Views|templates|lang|migrations|cache)\//;

/** '/public/a/b.php' -> '/a/b.php'; 'tools/x.php' -> '/tools/x.php'. */
export function plainPhpUrl(path: string): string {
  const segments = path.split('/');
  let start = 0;
  for (let i = 0; i < segments.length - 1; i++) if (WEB_ROOTS.has(segments[i]!)) start = i + 1;
  return `/${segments.slice(start).join('/')}`;
}

/** What request input the top-level code reads: undefined for none. */
function inputsRead(root: Node): { body: boolean } | undefined {
  let query = false;
  let body = false;
  walk(root, (node) => {
    if (SCOPES.has(node.type)) return false;
    if (node.type === 'variable_name') {
      if (QUERY_VARS.has(node.text)) query = true;
      else if (BODY_VARS.has(node.text)) body = true;
      return false;
    }
    if (node.type === 'function_call_expression') {
      const fn = fieldOf(node, 'function')?.text.toLowerCase();
      const args = namedChildren(fieldOf(node, 'arguments'));
      const first = args[0] ? namedChildren(args[0])[0]?.text : undefined;
      if ((fn === 'filter_input' || fn === 'filter_input_array') && first) {
        if (first === 'INPUT_POST') body = true;
        else if (first === 'INPUT_GET' || first === 'INPUT_COOKIE') query = true;
      } else if (fn === 'file_get_contents' && args[0] && stringValue(args[0]) === 'php://input') body = true;
    }
    return true;
  });
  return query || body ? { body } : undefined;
}

/** A top-level `defined('X') or exit` guard: the script is only ever included, never requested. */
function refusesDirectAccess(root: Node): boolean {
  for (const statement of namedChildren(root)) {
    if (statement.type !== 'if_statement' && statement.type !== 'expression_statement') continue;
    let defined = false;
    let exits = false;
    walk(statement, (node) => {
      if (node.type === 'exit_statement') exits = true;
      else if (node.type === 'function_call_expression') {
        const fn = fieldOf(node, 'function')?.text.toLowerCase();
        if (fn === 'defined') defined = true;
        else if (fn === 'exit' || fn === 'die') exits = true;
      }
      return !(defined && exits);
    });
    if (defined && exits) return true;
  }
  return false;
}

export const plainPhpEndpoints: Extractor = {
  id: 'php/plain-scripts',
  languages: ['php'],
  keywords: ['$_GET', '$_POST', '$_REQUEST', '$_FILES', '$_COOKIE', 'filter_input', 'php://input'],
  extract(file: ParsedFile): Fact[] {
    if (!file.path.endsWith('.php') || file.path.endsWith('.blade.php')) return [];
    if (isPhpTestPath(file.path) || NOT_SERVED.test(file.path)) return [];
    const tree = treeOf(file);
    if (!tree) return [];
    const read = inputsRead(tree.rootNode);
    if (!read || refusesDirectAccess(tree.rootNode)) return [];
    const path = plainPhpUrl(file.path);
    const methods: HttpMethod[] = read.body ? ['GET', 'POST'] : ['GET'];
    return methods.map((method): RouteFact => ({
      kind: 'route', framework: FRAMEWORK, method, path,
      handler: { name: file.path }, location: locationOfLine(file.path, file.text, 1),
    }));
  },
};
