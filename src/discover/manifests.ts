// Manifest text -> dependencies -> frameworks. Pure: discover.ts does the reading.

import { parse as parseToml } from 'smol-toml';
import type { FrameworkFact } from '../core/facts.js';
import type { Notification } from '../core/types.js';

export interface Manifest {
  path: string;
  root: string; // directory of the manifest, '' for the repository root
  ecosystem: 'npm' | 'python' | 'go' | 'maven' | 'gradle' | 'composer' | 'nuget' | 'cargo' | 'sbt';
  /** Go: the module path declared by go.mod. */
  module?: string;
  dependencies: Map<string, string>; // name (lower-case for Python) -> declared version spec ('' when none)
  /** 1-based line of each dependency's declaration, when found. */
  lines: Map<string, number>;
}

/** Dependency name -> framework id. */
const NPM_FRAMEWORKS: Record<string, string> = {
  express: 'express', fastify: 'fastify', '@nestjs/core': 'nestjs', koa: 'koa', hono: 'hono',
  '@hapi/hapi': 'hapi', hapi: 'hapi', restify: 'restify', sails: 'sails', '@adonisjs/core': 'adonisjs',
  next: 'nextjs', nuxt: 'nuxt', nuxt3: 'nuxt', '@remix-run/node': 'remix', '@remix-run/react': 'remix', '@remix-run/serve': 'remix',
  '@remix-run/cloudflare': 'remix', '@remix-run/dev': 'remix', '@react-router/dev': 'remix', '@react-router/node': 'remix',
  '@react-router/serve': 'remix', '@sveltejs/kit': 'sveltekit', astro: 'astro', '@tanstack/react-start': 'tanstack-start',
  '@tanstack/solid-start': 'tanstack-start', '@tanstack/start': 'tanstack-start',
  '@adonisjs/http-server': 'adonisjs', nitropack: 'nitro', nitro: 'nitro', h3: 'nitro', '@feathersjs/feathers': 'feathers',
  '@feathersjs/express': 'feathers', '@feathersjs/koa': 'feathers', '@oak/oak': 'oak', '@oakserver/oak': 'oak', elysia: 'elysia',
  '@loopback/rest': 'loopback', '@loopback/core': 'loopback', '@trpc/server': 'trpc',
};
const PYTHON_FRAMEWORKS: Record<string, string> = {
  fastapi: 'fastapi', flask: 'flask', django: 'django', starlette: 'starlette', sanic: 'sanic',
  aiohttp: 'aiohttp', tornado: 'tornado', falcon: 'falcon', bottle: 'bottle', quart: 'quart', litestar: 'litestar',
  starlite: 'litestar', masonite: 'masonite', robyn: 'robyn', pyramid: 'pyramid', 'django-ninja': 'django-ninja',
  cherrypy: 'cherrypy', 'flask-restx': 'flask-restx', 'flask-restplus': 'flask-restx', 'flask-appbuilder': 'flask-appbuilder',
};
/** Libraries that sit on top of another framework: reported as the base framework too. */
const PYTHON_IMPLIES: Record<string, string> = {
  djangorestframework: 'django', 'flask-restful': 'flask', 'flask-restx': 'flask', 'flask-restplus': 'flask', 'flask-appbuilder': 'flask',
  'django-ninja': 'django',
};

/** Go module paths, Maven/Gradle artifacts, Composer, NuGet, Cargo and sbt names -> framework id. */
const OTHER_FRAMEWORKS: Record<string, string> = {
  'github.com/gin-gonic/gin': 'gin', 'github.com/labstack/echo': 'echo', 'github.com/labstack/echo/v4': 'echo',
  'github.com/gofiber/fiber': 'fiber', 'github.com/gofiber/fiber/v2': 'fiber', 'github.com/gofiber/fiber/v3': 'fiber',
  'github.com/go-chi/chi': 'chi', 'github.com/go-chi/chi/v5': 'chi', 'github.com/gorilla/mux': 'gorilla-mux',
  'github.com/beego/beego/v2': 'beego', 'github.com/astaxie/beego': 'beego',
  'spring-boot-starter-web': 'spring', 'spring-boot-starter-webflux': 'spring', 'spring-webmvc': 'spring',
  'quarkus-resteasy': 'quarkus', 'quarkus-resteasy-reactive': 'quarkus', 'quarkus-rest': 'quarkus',
  'micronaut-http-server-netty': 'micronaut', 'jersey-server': 'jersey', 'jersey-container-servlet': 'jersey',
  'ktor-server-core': 'ktor', 'javalin': 'javalin',
  'laravel/framework': 'laravel', 'laravel/lumen-framework': 'lumen', 'symfony/framework-bundle': 'symfony', 'slim/slim': 'slim',
  'Microsoft.NET.Sdk.Web': 'aspnetcore',
  axum: 'axum', 'actix-web': 'actix', rocket: 'rocket', warp: 'warp', poem: 'poem',
  play: 'play', 'akka-http': 'akka-http',
  // Further Go frameworks.
  'github.com/cloudwego/hertz': 'hertz', 'github.com/kataras/iris/v12': 'iris', 'github.com/gogf/gf': 'goframe',
  'github.com/gogf/gf/v2': 'goframe', 'github.com/zeromicro/go-zero': 'go-zero', 'goyave.dev/goyave/v4': 'goyave',
  'goyave.dev/goyave/v5': 'goyave', 'connectrpc.com/connect': 'connect-rpc', 'github.com/bufbuild/connect-go': 'connect-rpc',
  'github.com/emicklei/go-restful/v3': 'go-restful', 'github.com/emicklei/go-restful': 'go-restful',
  'github.com/danielgtaylor/huma/v2': 'huma', 'github.com/pocketbase/pocketbase': 'pocketbase',
  'github.com/valyala/fasthttp': 'fasthttp', 'github.com/fasthttp/router': 'fasthttp',
  'github.com/julienschmidt/httprouter': 'httprouter', 'github.com/go-kratos/kratos/v2': 'kratos',
  // Further JVM frameworks (Maven/Gradle artifact ids).
  armeria: 'armeria', 'vertx-web': 'vertx', 'spark-core': 'spark', 'struts2-core': 'struts2', 'wicket-core': 'wicket',
  'helidon-webserver': 'helidon', 'helidon-microprofile': 'helidon', 'helidon-microprofile-core': 'helidon',
  'dropwizard-core': 'dropwizard', 'http4k-core': 'http4k', 'ktor-server-netty': 'ktor', 'ktor-server-cio': 'ktor',
  'javalin-bundle': 'javalin',
  // Further PHP frameworks (Composer packages).
  'codeigniter4/framework': 'codeigniter', 'topthink/framework': 'thinkphp', 'laminas/laminas-mvc': 'laminas',
  'cakephp/cakephp': 'cakephp', 'yiisoft/yii2': 'yii', 'hyperf/framework': 'hyperf', 'hyperf/http-server': 'hyperf',
  'drupal/core': 'drupal', 'drupal/core-recommended': 'drupal', 'phalcon/cphalcon': 'phalcon', 'magento/framework': 'magento',
  // Further C# (NuGet), Rust (Cargo) and Scala (sbt) frameworks.
  ServiceStack: 'servicestack', FastEndpoints: 'fastendpoints', Carter: 'carter',
  tide: 'tide', gotham: 'gotham', salvo: 'salvo', 'loco-rs': 'loco', rwf: 'rwf',
  scalatra: 'scalatra', 'tapir-core': 'tapir', 'zio-http': 'zio-http', 'http4s-dsl': 'http4s',
  'http4s-ember-server': 'http4s', 'http4s-blaze-server': 'http4s',
};

type OtherManifest = Pick<Manifest, 'ecosystem' | 'module'>;

function addDependency(dependencies: Map<string, string>, lines: Map<string, number>, text: string, name: string, version: string, needle = name): void {
  if (dependencies.has(name)) return;
  dependencies.set(name, version);
  const line = lineOf(text, needle);
  if (line) lines.set(name, line);
}

/** go.mod, pom.xml, build.gradle(.kts), composer.json, *.csproj, Cargo.toml, build.sbt. */
function parseOtherManifest(path: string, base: string, text: string, deps: Map<string, string>, lines: Map<string, number>): OtherManifest | undefined {
  if (base === 'go.mod') {
    const module = /^module\s+(\S+)/m.exec(text)?.[1];
    for (const raw of text.split(/\r?\n/)) {
      const match = /^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]{2,}\/[^\s]+)\s+(v[0-9][^\s]*)/.exec(raw);
      if (match) addDependency(deps, lines, text, match[1]!, match[2]!.replace(/^v/, ''));
    }
    return { ecosystem: 'go', ...(module ? { module } : {}) };
  }
  if (base === 'pom.xml' || /^build\.gradle(\.kts)?$/.test(base)) {
    const isMaven = base === 'pom.xml';
    const artifactPattern = isMaven
      ? /<artifactId>\s*([A-Za-z0-9_.-]+)\s*<\/artifactId>(?:\s*<version>\s*([^<\s]+)\s*<\/version>)?/g
      : /['"]([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::([A-Za-z0-9_.${}-]+))?['"]/g;
    for (const match of text.matchAll(artifactPattern)) {
      const artifact = isMaven ? match[1]! : match[2]!;
      const version = (isMaven ? match[2] : match[3]) ?? '';
      addDependency(deps, lines, text, artifact, version.includes('$') ? '' : version);
    }
    const boot = isMaven
      ? /<artifactId>spring-boot-starter-parent<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(text)?.[1]
      : /org\.springframework\.boot['"]?\)?\s*version\s*['"]([^'"]+)['"]/.exec(text)?.[1];
    if (boot) for (const name of ['spring-boot-starter-web', 'spring-boot-starter-webflux']) if (deps.get(name) === '') deps.set(name, boot);
    return { ecosystem: isMaven ? 'maven' : 'gradle' };
  }
  if (base === 'composer.json') {
    const json = JSON.parse(text) as { require?: Record<string, string>; 'require-dev'?: Record<string, string> };
    for (const table of [json.require, json['require-dev']]) {
      for (const [name, spec] of Object.entries(table ?? {})) addDependency(deps, lines, text, name, typeof spec === 'string' ? spec : '', `"${name}"`);
    }
    return { ecosystem: 'composer' };
  }
  if (base.endsWith('.csproj')) {
    const sdk = /<Project\s+Sdk="([^"]+)"/.exec(text)?.[1];
    const target = /<TargetFrameworks?>\s*net([0-9.]+)/.exec(text)?.[1] ?? '';
    if (sdk) addDependency(deps, lines, text, sdk, target);
    for (const match of text.matchAll(/<PackageReference\s+Include="([^"]+)"(?:\s+Version="([^"]*)")?/g)) {
      addDependency(deps, lines, text, match[1]!, match[2] ?? '');
    }
    if (deps.has('Microsoft.AspNetCore.App') || [...deps.keys()].some((d) => d.startsWith('Microsoft.AspNetCore.'))) {
      addDependency(deps, lines, text, 'Microsoft.NET.Sdk.Web', target, 'Microsoft.AspNetCore');
    }
    return { ecosystem: 'nuget' };
  }
  if (base === 'Cargo.toml') {
    const toml = parseToml(text) as Record<string, any>;
    for (const table of [toml.dependencies, toml['dev-dependencies'], toml.workspace?.dependencies]) {
      if (!table || typeof table !== 'object') continue;
      for (const [name, spec] of Object.entries(table)) {
        const version = typeof spec === 'string' ? spec : typeof spec === 'object' && spec ? String((spec as { version?: unknown }).version ?? '') : '';
        addDependency(deps, lines, text, name, version);
      }
    }
    return { ecosystem: 'cargo' };
  }
  if (base === 'build.sbt') {
    for (const match of text.matchAll(/"([A-Za-z0-9_.-]+)"\s*%%?\s*"([A-Za-z0-9_.-]+)"\s*%\s*"([^"]+)"/g)) {
      addDependency(deps, lines, text, match[2]!.replace(/_2\.1[0-9]$|_3$/, ''), match[3]!, match[2]!);
    }
    if (/enablePlugins\([^)]*Play(Scala|Java)/.test(text)) addDependency(deps, lines, text, 'play', '', 'enablePlugins');
    return { ecosystem: 'sbt' };
  }
  return undefined;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function lineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  if (index < 0) return undefined;
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function cleanVersion(spec: string): string {
  const match = /(\d+(?:\.\d+){0,3}(?:[-.][0-9A-Za-z.]+)?)/.exec(spec);
  return match ? match[1]! : '';
}

function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/_/g, '-').replace(/\[.*\]$/, '');
}

function parseRequirementLine(line: string): [string, string] | undefined {
  const text = line.replace(/#.*$/, '').trim();
  if (!text || text.startsWith('-') || text.includes('://')) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(text);
  if (!match) return undefined;
  return [normalisePythonName(match[1]!), match[3]!.split(';')[0]!.trim()];
}

export function parseManifest(path: string, text: string): { manifest?: Manifest; problem?: Notification } {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const root = dirOf(path);
  const dependencies = new Map<string, string>();
  const lines = new Map<string, number>();
  const problem = (message: string): { problem: Notification } => ({
    problem: { level: 'warning', kind: 'manifest-error', message: `${path}: ${message}`, file: path },
  });
  try {
    if (base === 'package.json') {
      const json = JSON.parse(text) as Record<string, unknown>;
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return problem('not a JSON object');
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = json[field];
        if (typeof deps !== 'object' || deps === null) continue;
        for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
          if (!dependencies.has(name)) dependencies.set(name, typeof spec === 'string' ? spec : '');
          const line = lineOf(text, `"${name}"`);
          if (line) lines.set(name, line);
        }
      }
      return { manifest: { path, root, ecosystem: 'npm', dependencies, lines } };
    }
    if (/^requirements.*\.txt$/.test(base)) {
      text.split(/\r?\n/).forEach((line, i) => {
        const dep = parseRequirementLine(line);
        if (dep && !dependencies.has(dep[0])) {
          dependencies.set(dep[0], dep[1]);
          lines.set(dep[0], i + 1);
        }
      });
      return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
    }
    if (base === 'pyproject.toml' || base === 'Pipfile') {
      const toml = parseToml(text) as Record<string, any>;
      const add = (name: string, spec: unknown) => {
        const key = normalisePythonName(name);
        if (key === 'python' || dependencies.has(key)) return;
        const version = typeof spec === 'object' && spec !== null ? (spec as { version?: unknown }).version : spec;
        dependencies.set(key, typeof version === 'string' ? version : '');
        const line = lineOf(text, name);
        if (line) lines.set(key, line);
      };
      for (const entry of (toml.project?.dependencies ?? []) as unknown[]) {
        if (typeof entry !== 'string') continue;
        const dep = parseRequirementLine(entry);
        if (dep) add(dep[0], dep[1]);
      }
      for (const table of [toml.tool?.poetry?.dependencies, toml.tool?.poetry?.['dev-dependencies'], toml.packages, toml['dev-packages']]) {
        if (table && typeof table === 'object') for (const [name, spec] of Object.entries(table)) add(name, spec);
      }
      for (const group of Object.values((toml.tool?.poetry?.group ?? {}) as Record<string, any>)) {
        if (group?.dependencies) for (const [name, spec] of Object.entries(group.dependencies)) add(name, spec);
      }
      return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
    }
    const other = parseOtherManifest(path, base, text, dependencies, lines);
    if (other) return { manifest: { path, root, dependencies, lines, ...other } };
    // setup.py / setup.cfg / manage.py: a Python service root; dependencies are not read from code.
    return { manifest: { path, root, ecosystem: 'python', dependencies, lines } };
  } catch (error) {
    // JSON.parse quotes the text around the error (`..."pass": hunter2,"... is not valid JSON`): keep it out, it may hold a secret.
    const first = (error as Error).message.split('\n')[0]!;
    const quoted = first.search(/, (?:\.\.\.)?"/);
    return problem(`could not be parsed (${quoted >= 0 ? first.slice(0, quoted) : first})`);
  }
}

/** Framework facts declared by manifests. */
export function frameworksFromManifests(manifests: readonly Manifest[]): FrameworkFact[] {
  const facts: FrameworkFact[] = [];
  for (const manifest of manifests) {
    const table = manifest.ecosystem === 'npm' ? NPM_FRAMEWORKS : manifest.ecosystem === 'python' ? PYTHON_FRAMEWORKS : OTHER_FRAMEWORKS;
    const found = new Map<string, { version: string; dep: string }>();
    for (const [dep, spec] of manifest.dependencies) {
      const id = table[dep] ?? (manifest.ecosystem === 'python' ? PYTHON_IMPLIES[dep] : undefined);
      if (!id) continue;
      const version = table[dep] ? cleanVersion(spec) : found.get(id)?.version ?? '';
      if (!found.has(id) || table[dep]) found.set(id, { version, dep });
    }
    for (const [id, { version, dep }] of found) {
      const line = manifest.lines.get(dep) ?? 1;
      facts.push({
        kind: 'framework', id, serviceRoot: manifest.root, source: 'manifest',
        ...(version ? { version } : {}),
        location: { file: manifest.path, startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
      });
    }
  }
  return facts;
}
