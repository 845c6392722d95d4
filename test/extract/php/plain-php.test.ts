import { describe, expect, it } from 'vitest';
import { plainPhpEndpoints, plainPhpUrl } from '../../../src/extract/php/plain-php.js';
import { extractPhp, ofKind, routeLines } from './parse.js';

describe('php/plain-scripts', () => {
  it('makes a script that reads request input at top level an endpoint at its path', async () => {
    expect(routeLines(await extractPhp(plainPhpEndpoints, 'get.php', "<?\n  $a = $_GET['a'];\n?>"))).toEqual(['GET /get.php']);
    expect(routeLines(await extractPhp(plainPhpEndpoints, 'public/up.php', "<?php\n$f = $_FILES['doc'];"))).toEqual(['GET /up.php', 'POST /up.php']);
    expect(routeLines(await extractPhp(plainPhpEndpoints, 'site/www/forms/a.php', "<?php\nif (true) { $n = filter_input(INPUT_POST, 'n'); }")))
      .toEqual(['GET /forms/a.php', 'POST /forms/a.php']);
    const facts = await extractPhp(plainPhpEndpoints, 'r.php', "<?php\necho $_REQUEST['x'];");
    expect(ofKind(facts, 'route')[0]).toEqual(expect.objectContaining({ framework: 'php', handler: { name: 'r.php' } }));
  });

  it('ignores reads inside functions and classes, server-only reads, and non-served directories', async () => {
    expect(await extractPhp(plainPhpEndpoints, 'src/Internal.php', "<?php\nfunction h() { return $_GET['s']; }")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'Ctl.php', "<?php\nclass C { public function a() { return $_POST['x']; } }")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'config/app.php', "<?php\nreturn ['d' => $_GET['x']];")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'env.php', "<?php\nreturn ['d' => $_SERVER['APP_DEBUG']];")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'vendor/x/y.php', "<?php\n$a = $_GET['a'];")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'resources/views/a.blade.php', "<?php\n$a = $_GET['a'];")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'inc/page.php', "<?php\nif (!defined('ABSPATH')) { exit; }\n$a = $_GET['a'];")).toEqual([]);
    expect(await extractPhp(plainPhpEndpoints, 'inc/ci.php', "<?php\ndefined('BASEPATH') OR exit('No direct script access');\n$a = $_POST['a'];")).toEqual([]);
  });

  it('computes URLs from the web root', () => {
    expect(plainPhpUrl('public/index.php')).toBe('/index.php');
    expect(plainPhpUrl('app/public_html/x/y.php')).toBe('/x/y.php');
    expect(plainPhpUrl('tools/report.php')).toBe('/tools/report.php');
  });
});
