// JVM text-building calls (Java, Kotlin, Scala): String.format / formatted / MessageFormat,
// String.join / joinToString / mkString, StringBuilder, concat, conversions and sanitisers, and
// servlet / Spring request accessors.
import type { TextCall, TextHooks } from '../core/built-text.js';
import type { CallView, Expr, Node } from '../core/expr.js';
import { namePath, receiverName } from '../core/expr.js';
import type { FileValues } from '../core/values.js';

const SAME_METHODS = new Set(['toString', 'trim', 'strip', 'stripLeading', 'stripTrailing', 'toLowerCase', 'toUpperCase', 'intern', 'replace', 'replaceAll',
  'substring', 'trimIndent', 'trimMargin', 'lowercase', 'uppercase', 'orEmpty', 'get', 'orElse', 'getOrElse', 'getOrDefault', 'stripMargin', 'mkString']);
const NUMERIC_CALLS = new Set(['Integer.parseInt', 'Integer.valueOf', 'Integer.toString', 'Long.parseLong', 'Long.valueOf', 'Long.toString', 'Double.parseDouble',
  'Double.valueOf', 'Float.parseFloat', 'Short.parseShort', 'Boolean.parseBoolean', 'Boolean.valueOf', 'Math.max', 'Math.min', 'Math.abs', 'Math.round',
  'UUID.randomUUID', 'System.currentTimeMillis', 'System.nanoTime', 'Instant.now', 'LocalDate.now', 'LocalDateTime.now', 'Integer.toHexString', 'Long.toHexString']);
const NUMERIC_METHODS = new Set(['length', 'size', 'count', 'hashCode', 'toInt', 'toLong', 'toDouble', 'intValue', 'longValue', 'ordinal', 'getId', 'isEmpty', 'equals', 'contains', 'startsWith', 'endsWith', 'indexOf', 'compareTo', 'toIntOrNull', 'toLongOrNull']);
const SAFE_CALLS = /(^|\.)(escapeSql|encodeForSQL|quoteIdentifier|enquoteIdentifier|enquoteLiteral|quote|escapeSQL|sanitizeSql|quoteName)$/;
const REQUEST_METHODS = new Set(['getParameter', 'getHeader', 'getQueryString', 'getParameterValues', 'getHeaders', 'getCookies', 'getParameterMap', 'getPathInfo',
  'getRequestURI', 'getRemoteUser', 'getParameterNames', 'getHeaderNames', 'getReader', 'getInputStream', 'getValue']);
const REQUEST_RECEIVER = /^(request|req|httpRequest|servletRequest|httpServletRequest|theCookie|cookie|c)$/;

function pathText(call: CallView): string {
  return call.path?.join('.') ?? call.method;
}

export const jvmTextHooks: TextHooks = {
  appendMethods: new Set(['append', 'insert', 'appendLine']),
  addMethods: new Set(['add', 'addLast', 'offer', 'push', 'addFirst', 'plusAssign']),
  textCall(call: CallView, _node: Node, values: FileValues): TextCall | undefined {
    const name = pathText(call);
    const last2 = call.path?.slice(-2).join('.') ?? name;
    if (last2 === 'String.format' || last2 === 'MessageFormat.format' || name === 'format' && !call.receiver && call.args.length > 1) {
      const args = call.args[0] && /Locale/.test(call.args[0].text) ? call.args.slice(1) : call.args;
      return args[0] ? { kind: 'format', format: args[0], args: args.slice(1), style: last2 === 'MessageFormat.format' ? 'braces' : 'printf' } : undefined;
    }
    if ((call.method === 'formatted' || call.method === 'format') && call.receiver && values.lang.expr(call.receiver).k !== 'name') {
      return { kind: 'format', format: call.receiver, args: call.args, style: 'printf' };
    }
    if ((call.method === 'formatted' || call.method === 'format') && call.receiver) {
      const recv = values.lang.expr(call.receiver);
      if (recv.k === 'name' && !/^[A-Z]/.test(recv.name)) return { kind: 'format', format: call.receiver, args: call.args, style: 'printf' };
    }
    if (last2 === 'String.join' || last2 === 'StringUtils.join') {
      if (last2 === 'StringUtils.join') return { kind: 'join', items: call.args[0], separator: call.args[1] };
      if (call.args.length === 2) return { kind: 'join', items: call.args[1], separator: call.args[0] };
      return { kind: 'join', itemNodes: call.args.slice(1), separator: call.args[0] };
    }
    if ((call.method === 'joinToString' || call.method === 'mkString') && call.receiver) {
      const sep = call.named.get('separator') ?? (call.args.length === 1 || call.args.length === 3 ? call.args[call.args.length === 3 ? 1 : 0] : undefined);
      return { kind: 'join', items: call.receiver, separator: sep };
    }
    if (call.method === 'concat' && call.receiver && call.args.length === 1) return { kind: 'concat', parts: [call.receiver, call.args[0]!] };
    if (last2 === 'String.valueOf' || last2 === 'Objects.toString' || last2 === 'String.copyValueOf' || name === 'URLDecoder.decode' || last2 === 'URLDecoder.decode'
      || last2 === 'StringEscapeUtils.unescapeHtml4' || last2 === 'HtmlUtils.htmlEscape' || last2 === 'HtmlUtils.htmlUnescape' || name === 'listOf' && call.args.length === 1) {
      return call.args[0] ? { kind: 'same', inner: call.args[0] } : undefined;
    }
    if (NUMERIC_CALLS.has(last2) || NUMERIC_CALLS.has(name)) return { kind: 'numeric' };
    if (SAFE_CALLS.test(name) || SAFE_CALLS.test(call.method)) return { kind: 'safe' };
    if (call.isNew) {
      if (/^(StringBuilder|StringBuffer|StringJoiner)$/.test(call.method)) {
        const first = call.args[0];
        const isCapacity = first && values.lang.expr(first).k === 'literal';
        return { kind: 'builder', initial: first && !isCapacity && call.method !== 'StringJoiner' ? first : undefined };
      }
      if (call.method === 'String' && call.args[0]) return { kind: 'same', inner: call.args[0] };
      return undefined;
    }
    if (call.receiver) {
      if (SAME_METHODS.has(call.method) && call.method !== 'get' && call.method !== 'getOrDefault' && call.method !== 'mkString') return { kind: 'same', inner: call.receiver };
      if (NUMERIC_METHODS.has(call.method)) return { kind: 'numeric' };
      const root = namePath(values.lang, call.receiver)?.[0] ?? receiverName(values.lang, call.receiver);
      if (REQUEST_METHODS.has(call.method) && REQUEST_RECEIVER.test(root)) return { kind: 'input' };
      if (call.method === 'getBytes' || call.method === 'toCharArray') return { kind: 'same', inner: call.receiver };
    }
    if (name === 'StringBuilder' || name === 'StringBuffer') return { kind: 'builder', initial: call.args[0] };
    return undefined;
  },
  isInput(_node: Node, e: Expr, values: FileValues): boolean {
    if (e.k === 'index') {
      const obj = values.lang.expr(e.object);
      return obj.k === 'call' && REQUEST_METHODS.has(obj.method);
    }
    return false;
  },
};
