import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { frameworksFromManifests, parseManifest } from '../../src/discover/manifests.js';

const root = mkdtempSync(join(tmpdir(), 'backend-review-discover-'));
const outside = mkdtempSync(join(tmpdir(), 'backend-review-outside-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function put(path: string, text: string | Buffer) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

put('package.json', '{"dependencies":{"express":"^4.18.2"}}');
put('src/app.ts', 'export const x = 1;\n');
put('src/generated/skip.ts', 'export const y = 2;\n');
put('.gitignore', 'src/generated/\n*.log\n');
put('node_modules/express/index.js', 'module.exports = 1;\n');
put('dist/app.js', 'exports.x = 1;\n');
put('venv-custom/pyvenv.cfg', 'home = /usr/bin\n');
put('venv-custom/lib/x.py', 'import os\n');
put('public/bundle.min.js', 'var a=1;');
put('public/long.js', `var a = "${'x'.repeat(5000)}";`);
put('big.py', `x = "${'y'.repeat(1024 * 1024 + 10)}"\n`);
put('bin.js', Buffer.from([0x66, 0x00, 0x01, 0x02]));
put('api/requirements.txt', 'fastapi==0.110.0\nuvicorn[standard]>=0.29 ; python_version > "3.8"\n');
put('api/main.py', 'print(1)\n');
put('.env', 'SECRET=abc\n');
put('logs/app.log', 'started\n');
put('public/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(join(outside, 'secret.py'), 'x = 1\n');
symlinkSync(join(outside, 'secret.py'), join(root, 'linked.py'));
symlinkSync(join(root, 'src', 'app.ts'), join(root, 'inside-link.ts'));

describe('discover', () => {
  const result = discover(root);
  const paths = result.files.map((f) => f.path);

  it('reads source and config files in sorted order with their language', () => {
    expect(paths).toEqual(['.env', 'api/main.py', 'api/requirements.txt', 'inside-link.ts', 'package.json', 'src/app.ts']);
    expect(result.files.find((f) => f.path === 'src/app.ts')?.language).toBe('typescript');
    expect(result.files.find((f) => f.path === '.env')?.language).toBe('text');
  });

  it('skips ignored, vendored, virtualenv, minified, binary, oversized and escaping-symlink files, and counts them', () => {
    for (const path of ['src/generated/skip.ts', 'node_modules/express/index.js', 'dist/app.js', 'venv-custom/lib/x.py', 'public/bundle.min.js', 'big.py', 'bin.js', 'linked.py']) {
      expect(paths).not.toContain(path);
    }
    expect(result.skipped).toMatchObject({ ignored: 1, minified: 2, 'too-large': 1, binary: 1, 'symlink-outside-root': 1, virtualenv: 1 });
  });

  it('keeps every listed path that no ignore rule leaves out, read or not (what static mounts can serve)', () => {
    expect(result.paths).toContain('logs/app.log');
    expect(result.keptPaths).not.toContain('logs/app.log');
    expect(result.keptPaths).not.toContain('src/generated/skip.ts');
    expect(result.keptPaths).toContain('public/logo.png');
    expect(result.keptPaths).toContain('src/app.ts');
    expect(discover(root, { ignore: ['public/'] }).keptPaths).not.toContain('public/logo.png');
  });

  it('lists a tree whose own directory has a skipped name (scanning ./build), and still prunes below it', () => {
    const build = mkdtempSync(join(tmpdir(), 'backend-review-root-'));
    const dir = join(build, 'build');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'app.py'), 'x = 1\n');
    writeFileSync(join(dir, 'dist', 'gen.py'), 'y = 2\n');
    try {
      expect(discover(dir).files.map((f) => f.path)).toEqual(['app.py']);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('collects manifests for service roots', () => {
    expect(result.manifests.map((m) => m.path)).toEqual(['api/requirements.txt', 'package.json']);
  });

  it('honours extra ignore globs', () => {
    expect(discover(root, { ignore: ['api/**'] }).files.map((f) => f.path)).not.toContain('api/main.py');
  });
});

describe('manifests', () => {
  it('reads frameworks and versions from package.json and requirements.txt', () => {
    const npm = parseManifest('package.json', '{\n  "dependencies": {\n    "@nestjs/core": "^10.3.0",\n    "express": "4.18.2"\n  }\n}\n').manifest!;
    const py = parseManifest('svc/requirements.txt', 'Django==4.2.1\ndjangorestframework==3.14\n# fastapi\n').manifest!;
    const facts = frameworksFromManifests([npm, py]);
    expect(facts.map((f) => [f.serviceRoot, f.id, f.version, f.location.startLine])).toEqual([
      ['', 'nestjs', '10.3.0', 3],
      ['', 'express', '4.18.2', 4],
      ['svc', 'django', '4.2.1', 1],
    ]);
  });

  it('reads pyproject.toml (PEP 621 and Poetry) and Pipfile', () => {
    const pep = parseManifest('pyproject.toml', '[project]\nname = "x"\ndependencies = ["fastapi>=0.100", "sqlalchemy"]\n').manifest!;
    const poetry = parseManifest('b/pyproject.toml', '[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3.0.0"\n').manifest!;
    const pipfile = parseManifest('c/Pipfile', '[packages]\nfastapi = "*"\n').manifest!;
    expect(frameworksFromManifests([pep, poetry, pipfile]).map((f) => `${f.serviceRoot}:${f.id}@${f.version ?? ''}`)).toEqual(['' + ':fastapi@0.100', 'b:flask@3.0.0', 'c:fastapi@']);
  });

  it('reads go.mod, pom.xml, build.gradle, composer.json, csproj, Cargo.toml and build.sbt', () => {
    const manifests = [
      parseManifest('go/go.mod', 'module github.com/acme/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n)\n').manifest!,
      parseManifest('java/pom.xml', '<project><parent><artifactId>spring-boot-starter-parent</artifactId><version>3.2.1</version></parent>\n<dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>').manifest!,
      parseManifest('kt/build.gradle.kts', 'plugins { id("org.springframework.boot") version "3.1.0" }\ndependencies { implementation("org.springframework.boot:spring-boot-starter-webflux") }\n').manifest!,
      parseManifest('php/composer.json', '{"require": {"laravel/framework": "^10.10"}}').manifest!,
      parseManifest('cs/Api.csproj', '<Project Sdk="Microsoft.NET.Sdk.Web">\n<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>').manifest!,
      parseManifest('rs/Cargo.toml', '[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n').manifest!,
      parseManifest('scala/build.sbt', 'lazy val root = (project in file(".")).enablePlugins(PlayScala)\n').manifest!,
    ];
    expect(manifests[0]!.module).toBe('github.com/acme/shop');
    expect(frameworksFromManifests(manifests).map((f) => `${f.serviceRoot}:${f.id}@${f.version ?? ''}`)).toEqual([
      'go:gin@1.9.1', 'java:spring@3.2.1', 'kt:spring@3.1.0', 'php:laravel@10.10', 'cs:aspnetcore@8.0', 'rs:axum@0.7', 'scala:play@',
    ]);
  });

  it('reports an invalid manifest instead of throwing', () => {
    const { manifest, problem } = parseManifest('package.json', '{ not json');
    expect(manifest).toBeUndefined();
    expect(problem?.kind).toBe('manifest-error');
    expect(problem?.message).toContain('package.json');
  });
});
