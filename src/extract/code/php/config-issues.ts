// PHP configuration problems in code:
// tls-verification-disabled: curl_setopt(CURLOPT_SSL_VERIFYPEER, false) / CURLOPT_SSL_VERIFYHOST 0,
//   curl_setopt_array with those keys, Guzzle / Symfony HttpClient 'verify' => false /
//   'verify_peer' => false, stream contexts ['ssl' => ['verify_peer' => false]], Laravel
//   Http::withoutVerifying().
// debug-enabled: 'debug' => true in Laravel's config/app.php, new Kernel('prod', true).
import type { Fact } from '../../../core/facts.js';
import type { ParsedFile } from '../../../languages/types.js';
import { walk } from '../../tree-sitter/ast.js';
import type { Extractor } from '../../types.js';
import { constString, evalConst } from '../core/const-eval.js';
import { issueCollector } from '../core/config-extractor.js';
import { callView, type Node } from '../core/expr.js';
import { FileValues } from '../core/values.js';
import { phpLang } from './lang.js';

const TLS_KEYS = new Set(['verify', 'verify_peer', 'verify_peer_name', 'verify_host', 'allow_self_signed']);

export const phpConfigIssues: Extractor = {
  id: 'php/config-issues',
  languages: ['php'],
  keywords: ['CURLOPT_SSL', 'verify', 'withoutVerifying', 'debug', 'Kernel'],
  extract(file: ParsedFile): Fact[] {
    if (file.tree.kind !== 'tree-sitter') return [];
    const values = new FileValues(phpLang, file.tree.tree.rootNode);
    const { facts, add } = issueCollector(file.path);
    const off = (n: Node | undefined) => {
      if (!n) return false;
      const v = evalConst(values, n);
      return v === false || v === 0 || v === '0';
    };
    const isAppConfig = /(^|\/)config\/app\.php$/.test(file.path);
    walk(values.root, (node) => {
      if (node.type !== 'array_element_initializer') return undefined;
      const [k, v] = node.namedChildren.filter((c): c is Node => !!c);
      if (!k || !v) return undefined;
      const key = k.type === 'name' ? k.text : constString(values, k);
      if (key === 'CURLOPT_SSL_VERIFYPEER' && off(v)) add('tls-verification-disabled', node, 'CURLOPT_SSL_VERIFYPEER => false');
      else if (key === 'CURLOPT_SSL_VERIFYHOST' && off(v)) add('tls-verification-disabled', node, 'CURLOPT_SSL_VERIFYHOST => 0');
      else if (key && TLS_KEYS.has(key) && (key !== 'verify' || inCallArgument(node)) && (key === 'allow_self_signed' ? evalConst(values, v) === true : evalConst(values, v) === false)) {
        add('tls-verification-disabled', node, `'${key}' => ${key === 'allow_self_signed' ? 'true' : 'false'}`);
      } else if (isAppConfig && key === 'debug' && evalConst(values, v) === true && isTopLevelConfig(node)) {
        add('debug-enabled', node, "'debug' => true in config/app.php");
      }
      return undefined;
    });
    for (const call of values.calls) {
      const view = callView(phpLang, call);
      if (!view) continue;
      const fn = view.receiver ? '' : view.method.toLowerCase();
      if (fn === 'curl_setopt') {
        const opt = view.args[1]?.text.replace(/^\\/, '');
        if (opt === 'CURLOPT_SSL_VERIFYPEER' && off(view.args[2])) add('tls-verification-disabled', call, 'CURLOPT_SSL_VERIFYPEER false');
        if (opt === 'CURLOPT_SSL_VERIFYHOST' && off(view.args[2])) add('tls-verification-disabled', call, 'CURLOPT_SSL_VERIFYHOST 0');
      }
      if (view.method === 'withoutVerifying') add('tls-verification-disabled', call, 'Http::withoutVerifying()');
      if (view.isNew && /Kernel$/.test(view.method) && constString(values, view.args[0]) === 'prod' && evalConst(values, view.args[1]) === true) {
        add('debug-enabled', call, `new ${view.method}('prod', true)`);
      }
    }
    return facts;
  },
};

/** Inside an argument of a call (`new Client([...])`, `->request('GET', $u, [...])`). */
function inCallArgument(node: Node): boolean {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.type === 'arguments') return true;
    if (/statement$/.test(cur.type)) return false;
  }
  return false;
}

/** `'debug' => true` directly in the array a config file returns. */
function isTopLevelConfig(element: Node): boolean {
  const array = element.parent;
  return array?.type === 'array_creation_expression' && array.parent?.type === 'return_statement';
}
