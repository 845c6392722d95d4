// Security and OpenAPI annotations on JVM controllers: @PreAuthorize / @Secured / @RolesAllowed /
// @PermitAll / @DenyAll / Quarkus @Authenticated, Shiro @Requires*, project guards such as @ApiKeySecured
// -> auth middleware; springdoc / swagger @Tag,
// @Tags, @Operation(tags), @Api(tags), @ApiOperation(tags) -> OpenAPI tags.
import type { MiddlewareRef } from '../../core/facts.js';
import { loc } from '../tree-sitter/ast.js';
import type { JvmAnnotation, JvmExpr } from './jvm-source.js';
import { annotationArg } from './jvm-source.js';
import { evalLiteral, type Scope } from './values.js';

const SECURITY = new Set(['PreAuthorize', 'PostAuthorize', 'Secured', 'RolesAllowed', 'PermitAll', 'DenyAll', 'Authenticated', 'AnonymousAllowed']);

/** Auth declared by one element's annotations: middleware, 'public' (explicitly open), or undefined (nothing said). */
export type AuthDeclaration = MiddlewareRef[] | 'public' | undefined;

function exprText(expr: JvmExpr | undefined, scope: Scope): string {
  if (!expr) return '';
  if (expr.kind === 'array') return expr.items.map((i) => exprText(i, scope)).join(',');
  if (expr.kind === 'name') return expr.path.join('.');
  return evalLiteral(expr, scope) ?? (expr.kind === 'other' ? expr.text : '');
}

const isPublicExpression = (text: string) => /permitAll|isAnonymous|IS_ANONYMOUS|AUTHENTICATED_ANONYMOUSLY/.test(text);

/**
 * Project-specific and Apache Shiro guards named for what they do: `@ApiKeySecured`, `@JwtAuthenticated`,
 * `@LoginRequired`, `@RequireLogin`, `@RequiresAuthentication`, `@RequiresUser`, `@RequiresRoles("admin")`.
 * `mandatory = false` / `required = false` on them means optional authentication; Shiro's `@RequiresGuest` is public.
 */
const NAMED_GUARD = /(Secured|Authenticated|LoginRequired|RequireLogin|RequiresLogin|RequiresAuthentication|RequiresUser|RequiresRoles|RequiresPermissions)$/;

const isGuard = (name: string) => SECURITY.has(name) || name === 'RequiresGuest' || (NAMED_GUARD.test(name) && !/^(Un|Not|Non)/.test(name));

export function authDeclaration(annotations: readonly JvmAnnotation[], scope: Scope, file: string): AuthDeclaration {
  const relevant = annotations.filter((a) => isGuard(a.simpleName));
  if (relevant.length === 0) return undefined;
  const middleware: MiddlewareRef[] = [];
  for (const annotation of relevant) {
    const name = annotation.simpleName;
    if (name === 'PermitAll' || name === 'AnonymousAllowed' || name === 'RequiresGuest') return 'public';
    if (!SECURITY.has(name)) {
      const optional = ['mandatory', 'required'].some((key) => exprText(annotationArg(annotation, key), scope) === 'false');
      middleware.push({ name: `@${name}`, role: optional ? 'optional-auth' : 'auth', location: loc(file, annotation.node) });
      continue;
    }
    const text = exprText(annotationArg(annotation, 'value'), scope);
    if ((name === 'PreAuthorize' || name === 'Secured') && isPublicExpression(text)) return 'public';
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    middleware.push({ name: shown ? `@${name}(${shown})` : `@${name}`, role: 'auth', location: loc(file, annotation.node) });
  }
  return middleware;
}

/** Method-level security replaces class-level security. */
export function effectiveAuth(classLevel: AuthDeclaration, methodLevel: AuthDeclaration): MiddlewareRef[] {
  const chosen = methodLevel ?? classLevel;
  return chosen === 'public' || chosen === undefined ? [] : chosen;
}

function stringsOf(expr: JvmExpr | undefined, scope: Scope): string[] {
  if (!expr) return [];
  if (expr.kind === 'array') return expr.items.flatMap((i) => stringsOf(i, scope));
  const value = evalLiteral(expr, scope);
  return value ? [value] : [];
}

/** OpenAPI tags declared by annotations of a class or method. */
export function openapiTags(annotations: readonly JvmAnnotation[], scope: Scope): string[] {
  const out: string[] = [];
  const add = (list: string[]) => {
    for (const tag of list) if (tag && !out.includes(tag)) out.push(tag);
  };
  for (const annotation of annotations) {
    switch (annotation.simpleName) {
      case 'Tag':
        add(stringsOf(annotationArg(annotation, 'name', 'value'), scope));
        break;
      case 'Tags': {
        const inner = annotationArg(annotation, 'value');
        const items = inner?.kind === 'array' ? inner.items : inner ? [inner] : [];
        for (const item of items) if (item.kind === 'annotation') add(stringsOf(annotationArg(item.annotation, 'name', 'value'), scope));
        break;
      }
      case 'Operation':
      case 'ApiOperation':
        add(stringsOf(annotationArg(annotation, 'tags'), scope));
        break;
      case 'Api': {
        const tags = stringsOf(annotationArg(annotation, 'tags'), scope);
        add(tags.length ? tags : stringsOf(annotationArg(annotation, 'value'), scope));
        break;
      }
      default:
        break;
    }
  }
  return out;
}
