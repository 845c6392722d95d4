// CORS policies in Go: rs/cors (`cors.AllowAll()`, `cors.Default()`, `cors.New(cors.Options{...})`),
// go-chi/cors, gin-contrib/cors (`cors.Default()`, `cors.New(cors.Config{...})`, DefaultConfig()
// fields), echo `middleware.CORS()` / `CORSWithConfig`, fiber `cors.New()`, gorilla `handlers.CORS`,
// beego's cors filter, and raw Access-Control-Allow-Origin header writes.
import type { CorsConfigFact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { treeOf, walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { alwaysTrue, CorsFacts, headerFacts, judgeOriginStrings, stringValues, type OriginJudgement } from '../shared/cors.js';
import { named, type Node } from '../shared/dialect.js';
import { indexFile, type FileIndex } from '../shared/file-index.js';
import { goCall, goDialect, goImports, goPath } from './dialect.js';
import { field as fieldOf } from '../../tree-sitter/ast.js';

interface GoCorsLib {
  library: string;
  /** Policy when the options name no origins. */
  defaultPolicy: OriginJudgement | undefined;
}

const LIBRARIES: [RegExp, GoCorsLib][] = [
  [/^github\.com\/rs\/cors(\/|$)/, { library: 'rs/cors', defaultPolicy: { policy: 'wildcard', detail: 'no AllowedOrigins (defaults to *)' } }],
  [/^github\.com\/go-chi\/cors$/, { library: 'go-chi/cors', defaultPolicy: { policy: 'wildcard', detail: 'no AllowedOrigins (defaults to *)' } }],
  [/^github\.com\/gin-contrib\/cors$/, { library: 'gin-contrib/cors', defaultPolicy: undefined }],
  [/^github\.com\/gofiber\/fiber\/v\d\/middleware\/cors$/, { library: 'fiber/cors', defaultPolicy: { policy: 'wildcard', detail: 'no AllowOrigins (defaults to *)' } }],
  [/^github\.com\/labstack\/echo(\/v\d)?\/middleware$/, { library: 'echo', defaultPolicy: { policy: 'wildcard', detail: 'no AllowOrigins (defaults to *)' } }],
  [/^github\.com\/gorilla\/handlers$/, { library: 'gorilla/handlers', defaultPolicy: { policy: 'wildcard', detail: 'no AllowedOrigins (defaults to *)' } }],
  [/^github\.com\/(beego\/beego\/v2\/server\/web|astaxie\/beego)\/(filter\/)?cors$|^github\.com\/(beego\/beego\/v2\/server\/web|astaxie\/beego)\/plugins\/cors$/, { library: 'beego/cors', defaultPolicy: undefined }],
  [/^github\.com\/iris-contrib\/middleware\/cors$/, { library: 'iris/cors', defaultPolicy: { policy: 'wildcard', detail: 'no AllowedOrigins (defaults to *)' } }],
];

const ORIGIN_LISTS = new Set(['AllowedOrigins', 'AllowOrigins']);
const ORIGIN_FUNCS = new Set(['AllowOriginFunc', 'AllowOriginRequestFunc', 'AllowOriginVaryRequestFunc', 'AllowOriginsFunc', 'AllowOriginValidator', 'UnsafeWildcardOriginWithAllowCredentials']);

function keyedFields(literal: Node): Map<string, Node> {
  const fields = new Map<string, Node>();
  for (const el of named(fieldOf(literal, 'body'))) {
    if (el.type !== 'keyed_element') continue;
    const [k, v] = named(el);
    const key = k?.type === 'literal_element' ? named(k)[0] : k;
    const value = v?.type === 'literal_element' ? named(v)[0] : v;
    if (key && value) fields.set(key.text, value);
  }
  return fields;
}

function compositeLiteral(node: Node | undefined, index: FileIndex): Node | undefined {
  let n = node;
  for (let i = 0; i < 3 && n; i++) {
    if (n.type === 'unary_expression' || n.type === 'parenthesized_expression') { n = named(n)[named(n).length - 1]; continue; }
    if (n.type === 'composite_literal') return n;
    if (n.type === 'identifier') { n = index.resolve(n); continue; }
    break;
  }
  return undefined;
}

/** Judges an options / config struct literal. */
function judgeFields(fields: Map<string, Node>, index: FileIndex, lib: GoCorsLib): { judged?: OriginJudgement; at?: Node; credentials: boolean | null } {
  const creds = fields.get('AllowCredentials');
  const credentials = creds ? (goDialect.bool(creds) ?? null) : false;
  const all = fields.get('AllowAllOrigins');
  if (all && goDialect.bool(all) === true) return { judged: { policy: 'wildcard', detail: 'AllowAllOrigins: true' }, at: all, credentials };
  for (const name of ORIGIN_FUNCS) {
    const fn = fields.get(name);
    if (!fn || name === 'UnsafeWildcardOriginWithAllowCredentials') continue;
    const accepts = fn.type === 'func_literal' ? alwaysTrue(goDialect, fn) : undefined;
    if (accepts) return { judged: { policy: 'reflect-origin', detail: `${name} accepts every origin` }, at: fn, credentials };
    return { judged: { policy: accepts === false ? 'allowlist' : 'unknown', detail: `origin checked by ${name}` }, at: fn, credentials };
  }
  for (const name of ORIGIN_LISTS) {
    const list = fields.get(name);
    if (!list) continue;
    const values = stringValues(goDialect, index, list);
    if (!values) return { judged: { policy: 'unknown', detail: `${name} not resolved in this file` }, at: list, credentials };
    if (values.length === 0) return { credentials };
    return { judged: judgeOriginStrings(values, name), at: list, credentials };
  }
  return { ...(lib.defaultPolicy ? { judged: lib.defaultPolicy } : {}), credentials };
}

export function extractGoCors(file: ParsedFile): CorsConfigFact[] {
  const tree = treeOf(file);
  if (!tree) return [];
  const root = tree.rootNode;
  const index = indexFile(root, goDialect);
  const out = new CorsFacts(file);
  const libs = new Map<string, GoCorsLib>();
  for (const imp of goImports(root)) {
    const lib = LIBRARIES.find(([re]) => re.test(imp.path))?.[1];
    if (lib) libs.set(imp.local, lib);
  }

  if (libs.size > 0) {
    walk(root, (node) => {
      const call = goCall(node);
      if (call?.path && call.path.length === 2 && libs.has(call.path[0]!)) {
        const lib = libs.get(call.path[0]!)!;
        const fn = call.path[1]!;
        if (fn === 'AllowAll' || (fn === 'Default' && lib.library !== 'echo') || (fn === 'CORS' && call.args.length === 0) || (fn === 'New' && call.args.length === 0 && lib.library === 'fiber/cors')) {
          out.push(node, { policy: 'wildcard', detail: `${call.path.join('.')}() allows any origin` }, false, lib.library);
        } else if (/^(New|Handler|CORSWithConfig|Allow|Options)$/.test(fn) && call.args.length > 0) {
          const literal = compositeLiteral(call.args[0], index);
          if (literal) {
            const { judged, at, credentials } = judgeFields(keyedFields(literal), index, lib);
            if (judged) out.push(at ?? node, judged, credentials, lib.library);
          }
        } else if (fn === 'CORS' && lib.library === 'gorilla/handlers') {
          // handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())
          const options = call.args.map((a) => goCall(a)).filter((c) => c !== undefined);
          const credentials = options.some((o) => o!.name === 'AllowCredentials');
          const origins = options.find((o) => o!.name === 'AllowedOrigins');
          const validator = options.find((o) => o!.name === 'AllowedOriginValidator');
          if (validator) {
            const accepts = alwaysTrue(goDialect, validator.args[0]);
            out.push(validator.node, accepts ? { policy: 'reflect-origin', detail: 'AllowedOriginValidator accepts every origin' } : { policy: 'allowlist', detail: 'origin checked by AllowedOriginValidator' }, credentials, lib.library);
          } else if (origins) {
            const values = stringValues(goDialect, index, origins.args[0]);
            out.push(origins.node, values ? judgeOriginStrings(values, 'AllowedOrigins') : { policy: 'unknown', detail: 'AllowedOrigins not resolved in this file' }, credentials, lib.library);
          } else out.push(node, lib.defaultPolicy!, credentials, lib.library);
        }
      }
      // config := cors.DefaultConfig(); config.AllowAllOrigins = true; config.AllowOrigins = []string{"*"}
      if (node.type === 'assignment_statement') {
        const left = named(fieldOf(node, 'left'))[0];
        const right = named(fieldOf(node, 'right'))[0];
        const path = goPath(left);
        if (path?.length === 2 && right && (ORIGIN_LISTS.has(path[1]!) || path[1] === 'AllowAllOrigins' || ORIGIN_FUNCS.has(path[1]!))) {
          const lib = [...libs.values()][0]!;
          const fields = new Map<string, Node>([[path[1]!, right]]);
          const credentialsAssignment = findFieldAssignment(root, path[0]!, 'AllowCredentials');
          if (credentialsAssignment) fields.set('AllowCredentials', credentialsAssignment);
          const { judged, at, credentials } = judgeFields(fields, index, { ...lib, defaultPolicy: undefined });
          if (judged) out.push(at ?? node, judged, credentialsAssignment ? credentials : null, lib.library);
        }
      }
    });
  }

  // w.Header().Set(k, v), gin c.Header(k, v), fiber c.Set(k, v), w.Header()["k"] = []string{v}
  headerFacts(root, goDialect, index, out);
  return out.facts;
}

function findFieldAssignment(root: Node, variable: string, field: string): Node | undefined {
  let found: Node | undefined;
  walk(root, (node) => {
    if (found || node.type !== 'assignment_statement') return undefined;
    const path = goPath(named(fieldOf(node, 'left'))[0]);
    if (path?.length === 2 && path[0] === variable && path[1] === field) found = named(fieldOf(node, 'right'))[0];
    return undefined;
  });
  return found;
}

export const goCors: Extractor = {
  id: 'security/go/cors',
  languages: ['go'],
  keywords: ['cors', 'CORS', 'Cors', 'Access-Control-Allow-Origin', 'AccessControlAllowOrigin'],
  extract: extractGoCors,
};
