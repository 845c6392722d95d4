// Reshapes the ESTree / TS-ESTree tree that oxc-parser returns into the Babel AST our JS/TS
// extractors are written against, in place (the tree is fresh and ours).
//
// Differences handled (Babel name <- ESTree name):
//   StringLiteral / NumericLiteral / BooleanLiteral / NullLiteral / RegExpLiteral / BigIntLiteral <- Literal
//   ObjectProperty / ObjectMethod <- Property;  ClassMethod / ClassPrivateMethod / TSDeclareMethod <- MethodDefinition
//   ClassProperty / ClassPrivateProperty / ClassAccessorProperty <- PropertyDefinition / AccessorProperty
//   PrivateName { id } <- PrivateIdentifier;  OptionalMemberExpression / OptionalCallExpression <- ChainExpression
//   CallExpression(Import) <- ImportExpression;  ExportNamespaceSpecifier <- ExportAllDeclaration.exported
//   Program.directives <- ExpressionStatement.directive;  TSEnumDeclaration.members <- .body.members
//   File { program, comments } with CommentLine / CommentBlock;  `loc` (1-based line, 0-based column) on
//   every node;  `leadingComments` on the elements of statement, class-member and property lists.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Any = any;

interface Comment { type: string; value: string; start: number; end: number; loc?: unknown }

class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  private last = 0;

  position(offset: number): { line: number; column: number; index: number } {
    const starts = this.starts;
    // Nodes come roughly in source order: try the line of the previous lookup and the next one first.
    const near = this.last;
    if (starts[near]! <= offset && (near + 1 >= starts.length || offset < starts[near + 1]!)) {
      return { line: near + 1, column: offset - starts[near]!, index: offset };
    }
    if (near + 1 < starts.length && starts[near + 1]! <= offset && (near + 2 >= starts.length || offset < starts[near + 2]!)) {
      this.last = near + 1;
      return { line: near + 2, column: offset - starts[near + 1]!, index: offset };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return { line: lo + 1, column: offset - starts[lo]!, index: offset };
  }
  loc(start: number, end: number): NodeLoc {
    return new NodeLoc(this, start, end);
  }
}

type Position = ReturnType<Lines['position']>;

/**
 * Babel's `loc` ({ start: { line, column, index }, end }), worked out when first read: extractors
 * read the location of a few nodes per file, and making two positions for every node of every
 * tree up front was a tenth of the parse.
 */
class NodeLoc {
  #start: Position | undefined;
  #end: Position | undefined;
  constructor(private readonly lines: Lines, private readonly startOffset: number, private readonly endOffset: number) {}
  get start(): Position {
    return (this.#start ??= this.lines.position(this.startOffset));
  }
  get end(): Position {
    return (this.#end ??= this.lines.position(this.endOffset));
  }
  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/** Node lists whose elements get the comments just before them as `leadingComments`. */
const LIST_KEYS = new Set(['body', 'properties', 'consequent', 'members', 'elements', 'arguments']);

function literal(node: Any): void {
  node.extra = { raw: node.raw, rawValue: node.value };
  if (node.regex) {
    node.type = 'RegExpLiteral';
    node.value = undefined;
    node.pattern = node.regex.pattern;
    node.flags = node.regex.flags;
  } else if (node.bigint !== undefined && node.bigint !== null) {
    node.type = 'BigIntLiteral';
    node.value = String(node.bigint);
  } else if (typeof node.value === 'string') node.type = 'StringLiteral';
  else if (typeof node.value === 'number') node.type = 'NumericLiteral';
  else if (typeof node.value === 'boolean') node.type = 'BooleanLiteral';
  else if (node.value === null) {
    node.type = 'NullLiteral';
    node.value = undefined;
  }
}

function functionParts(node: Any, fn: Any): void {
  node.params = fn?.params ?? [];
  node.body = fn?.body ?? null;
  node.async = !!fn?.async;
  node.generator = !!fn?.generator;
  node.returnType = fn?.returnType ?? null;
  node.typeParameters = fn?.typeParameters ?? null;
  node.id = null;
  node.value = undefined; // not `delete`: that would turn every method node into a slow dictionary object
}

function property(node: Any): void {
  if (node.method || node.kind === 'get' || node.kind === 'set') {
    const fn = node.value;
    node.type = 'ObjectMethod';
    node.kind = node.kind === 'init' ? 'method' : node.kind;
    functionParts(node, fn);
  } else {
    node.type = 'ObjectProperty';
    node.kind = undefined;
  }
}

function classMethod(node: Any): void {
  const fn = node.value;
  const isPrivate = node.key?.type === 'PrivateName';
  if (node.type === 'TSAbstractMethodDefinition') node.abstract = true;
  node.type = !fn?.body ? 'TSDeclareMethod' : isPrivate ? 'ClassPrivateMethod' : 'ClassMethod';
  functionParts(node, fn);
}

function classProperty(node: Any): void {
  if (node.type === 'TSAbstractPropertyDefinition' || node.type === 'TSAbstractAccessorProperty') node.abstract = true;
  if (node.type === 'AccessorProperty' || node.type === 'TSAbstractAccessorProperty') node.type = 'ClassAccessorProperty';
  else node.type = node.key?.type === 'PrivateName' ? 'ClassPrivateProperty' : 'ClassProperty';
}

/** `a?.b.c()`: Babel marks every link of the chain down to the last `?.` as Optional*. */
function unwrapChain(node: Any): Any {
  const spine: Any[] = [];
  let deepestOptional = -1;
  for (let cur = node.expression; cur; ) {
    if (cur.type === 'MemberExpression') {
      spine.push(cur);
      if (cur.optional) deepestOptional = spine.length - 1;
      cur = cur.object;
    } else if (cur.type === 'CallExpression') {
      spine.push(cur);
      if (cur.optional) deepestOptional = spine.length - 1;
      cur = cur.callee;
    } else if (cur.type === 'TSNonNullExpression') {
      cur = cur.expression;
    } else break;
  }
  for (let i = 0; i <= deepestOptional; i++) {
    const link = spine[i];
    link.type = link.type === 'MemberExpression' ? 'OptionalMemberExpression' : 'OptionalCallExpression';
    link.optional = !!link.optional;
  }
  return node.expression;
}

function moveDirectives(node: Any): void {
  const body: Any[] = node.body;
  let n = 0;
  while (n < body.length && body[n].type === 'ExpressionStatement' && typeof body[n].directive === 'string') n++;
  node.directives = body.slice(0, n).map((s: Any) => ({
    type: 'Directive', start: s.start, end: s.end, loc: s.loc,
    value: { type: 'DirectiveLiteral', value: s.directive, start: s.expression.start, end: s.expression.end, loc: s.expression.loc, extra: { raw: s.expression.extra?.raw } },
  }));
  if (n > 0) node.body = body.slice(n);
}

export interface EstreeToBabelInput {
  program: Any;
  comments: readonly { type: 'Line' | 'Block'; value: string; start: number; end: number }[];
  text: string;
}

/** The Babel `File` for an oxc-parser result. */
export function estreeToBabel({ program, comments, text }: EstreeToBabelInput): Any {
  const lines = new Lines(text);
  const babelComments: Comment[] = comments.map((c) => ({
    type: c.type === 'Line' ? 'CommentLine' : 'CommentBlock', value: c.value, start: c.start, end: c.end, loc: lines.loc(c.start, c.end),
  }));

  /** Comments that end at or before `end` and start at or after `from`, for leadingComments. */
  const commentsBetween = (from: number, end: number): Comment[] => {
    let lo = 0;
    let hi = babelComments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (babelComments[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Comment[] = [];
    for (let i = lo; i < babelComments.length && babelComments[i]!.end <= end; i++) out.push(babelComments[i]!);
    return out;
  };

  const visit = (node: Any, parentStart: number): Any => {
    // Babel's Program spans the whole text, leading comments included (set before the children
    // are visited: the first statement's leading comments are looked for from here).
    if (node.type === 'Program') {
      node.start = 0;
      node.end = text.length;
    }
    for (const key in node) {
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        let previousEnd = node.start ?? parentStart;
        const attach = babelComments.length > 0 && LIST_KEYS.has(key);
        for (let i = 0; i < value.length; i++) {
          const child = value[i];
          if (child === null || typeof child !== 'object' || typeof child.type !== 'string') continue;
          if (attach) {
            const leading = commentsBetween(previousEnd, child.start);
            if (leading.length > 0) child.leadingComments = leading;
          }
          previousEnd = child.end;
          value[i] = visit(child, node.start);
        }
      } else if (typeof value.type === 'string' && key !== 'regex') {
        node[key] = visit(value, node.start);
      }
    }
    // Babel starts a decorated class, method or property at its first decorator.
    const decorators = node.decorators;
    if (decorators?.length > 0 && decorators[0].start < node.start && node.type !== 'Identifier' && node.type !== 'TSParameterProperty') node.start = decorators[0].start;
    else if (node.declaration?.start < node.start) node.start = node.declaration.start; // `@Dec export class`
    node.loc = lines.loc(node.start, node.end);
    switch (node.type) {
      case 'Literal': literal(node); break;
      case 'Property': property(node); break;
      case 'MethodDefinition': case 'TSAbstractMethodDefinition': classMethod(node); break;
      case 'PropertyDefinition': case 'TSAbstractPropertyDefinition': case 'AccessorProperty': case 'TSAbstractAccessorProperty':
        classProperty(node); break;
      case 'PrivateIdentifier':
        return { type: 'PrivateName', start: node.start, end: node.end, loc: node.loc, id: { type: 'Identifier', name: node.name, start: node.start + 1, end: node.end, loc: lines.loc(node.start + 1, node.end) } };
      case 'ChainExpression': return unwrapChain(node);
      case 'ImportExpression':
        return {
          type: 'CallExpression', start: node.start, end: node.end, loc: node.loc,
          callee: { type: 'Import', start: node.start, end: node.start + 6, loc: lines.loc(node.start, node.start + 6) },
          arguments: [node.source, ...(node.options ? [node.options] : [])], optional: false,
        };
      case 'ExportAllDeclaration':
        if (node.exported) {
          return {
            type: 'ExportNamedDeclaration', start: node.start, end: node.end, loc: node.loc, declaration: null, source: node.source,
            exportKind: node.exportKind ?? 'value', attributes: node.attributes ?? [],
            specifiers: [namespaceSpecifier(node.exported, Math.max(node.start, text.lastIndexOf('*', node.exported.start)))],
          };
        }
        break;
      case 'Program': case 'BlockStatement': moveDirectives(node); break;
      case 'TSEnumDeclaration':
        if (!node.members && node.body?.members) {
          node.members = node.body.members;
          node.body = undefined;
        }
        break;
      default: break;
    }
    return node;
  };

  /** `* as ns` of `export * as ns from`: Babel's specifier starts at the star. */
  const namespaceSpecifier = (exported: Any, star: number): Any => ({
    type: 'ExportNamespaceSpecifier', start: star, end: exported.end, loc: lines.loc(star, exported.end), exported,
  });

  const babelProgram = visit(program, 0);
  if (program.hashbang) babelProgram.interpreter = { type: 'InterpreterDirective', value: program.hashbang.value ?? '' };
  return {
    type: 'File', start: 0, end: text.length, loc: lines.loc(0, text.length), program: babelProgram, comments: babelComments, errors: [],
  };
}
