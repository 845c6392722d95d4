import { describe, expect, it } from 'vitest';
import { phpConfigIssues } from '../../../src/extract/code/php/config-issues.js';
import { phpHashCalls } from '../../../src/extract/code/php/hash-calls.js';
import { phpJwtCalls } from '../../../src/extract/code/php/jwt-calls.js';
import { phpSqlCalls } from '../../../src/extract/code/php/sql-calls.js';
import { envDebug } from '../../../src/extract/code/text/env-debug.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('php/sql-calls', () => {
  it('follows ., .=, interpolation and sprintf into PDO, mysqli and Laravel calls', async () => {
    const facts = await run(phpSqlCalls, 'app/Repo.php', [
      '<?php',
      'class Repo {',
      '  const TABLE = "users";',
      '  function find($pdo, $conn, $name, int $id) {',
      '    $q = "SELECT * FROM " . self::TABLE . " WHERE name = \'" . $name . "\'";',
      '    $pdo->query($q);',
      '    $pdo->query("SELECT * FROM users WHERE id = $id");',
      '    $sql = "SELECT * FROM users WHERE 1=1";',
      '    $sql .= " AND name = \'{$name}\'";',
      '    mysqli_query($conn, $sql);',
      '    $stmt = $pdo->prepare("SELECT * FROM users WHERE name = ?");',
      '    $safe = mysqli_real_escape_string($conn, $name);',
      '    mysqli_query($conn, sprintf("SELECT * FROM users WHERE name = \'%s\'", $safe));',
      '    DB::select("SELECT * FROM users WHERE name = ?", [$name]);',
      '    DB::table("users")->whereRaw("name = \'" . $name . "\'")->get();',
      '    DB::table("users")->orderBy($_GET["sort"])->get();',
      '    DB::table("users")->orderBy("name")->get();',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '6 pdo->query concatenated true @5',
      '7 pdo->query literal false',
      '10 mysqli_query interpolated true @9',
      '11 pdo->prepare literal false',
      '13 mysqli_query literal false',
      '14 DB::select parameterised false',
      '15 laravel.whereRaw concatenated true',
      '16 laravel.orderBy concatenated true',
    ]);
  });
});

describe('php/hash-calls', () => {
  it('reads password_hash options, Laravel hashing and digests', async () => {
    const facts = await run(phpHashCalls, 'app/Auth.php', [
      '<?php',
      '$a = password_hash($password, PASSWORD_BCRYPT, ["cost" => 8]);',
      '$b = password_hash($password, PASSWORD_ARGON2ID, ["memory_cost" => 65536, "time_cost" => 4]);',
      '$c = Hash::make($request->password);',
      '$d = md5($password);',
      '$e = sha1($token . $secret);',
      '$f = md5_file($path);',
      'password_verify($password, $hash);',
    ]);
    expect(hashLines(facts)).toEqual([
      '2 bcrypt php password cost=8',
      '3 argon2 php password variant=argon2id memoryKiB=65536 iterations=4',
      '4 bcrypt laravel password',
      '5 md5 php password',
      '6 sha1 php unknown',
      '7 md5 php other',
      '8 bcrypt php password verify',
    ]);
  });
});

describe('php/jwt-calls', () => {
  it('finds literal keys, none algorithms and payloads without exp', async () => {
    const facts = await run(phpJwtCalls, 'app/Token.php', [
      '<?php',
      'use Firebase\\JWT\\JWT;',
      '$token = JWT::encode(["sub" => $id], "secret", "HS256");',
      '$claims = JWT::decode($token, new Key(getenv("JWT_KEY"), "HS256"));',
      '$old = JWT::decode($token, $key, ["HS256", "none"]);',
      '$config = Configuration::forUnsecuredSigner();',
    ]);
    expect(jwtLines(facts)).toEqual([
      '3 php-jwt sign hardcoded-key,no-expiry',
      '4 php-jwt decode -',
      '5 php-jwt decode none-algorithm',
      '6 lcobucci-jwt sign none-algorithm',
    ]);
  });
});

describe('php/config-issues', () => {
  it('finds cURL / Guzzle verification switched off and Laravel debug mode', async () => {
    const facts = await run(phpConfigIssues, 'app/Client.php', [
      '<?php',
      'curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);',
      'curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);',
      '$client = new Client(["base_uri" => $url, "verify" => false]);',
      '$rules = ["verify" => false];',
      'Http::withoutVerifying()->get($url);',
    ]);
    expect(configLines(facts)).toEqual([
      "4 tls-verification-disabled 'verify' => false",
      '2 tls-verification-disabled CURLOPT_SSL_VERIFYPEER false',
      '6 tls-verification-disabled Http::withoutVerifying()',
    ]);
    const app = await run(phpConfigIssues, 'config/app.php', ['<?php', 'return [', "  'name' => 'Shop',", "  'debug' => true,", '];']);
    expect(configLines(app)).toEqual(["4 debug-enabled 'debug' => true in config/app.php"]);
    const envApp = await run(phpConfigIssues, 'config/app.php', ['<?php', 'return [', "  'debug' => (bool) env('APP_DEBUG', false),", '];']);
    expect(configLines(envApp)).toEqual([]);
  });

  it('reports APP_DEBUG=true in a committed production .env only', async () => {
    expect(configLines(await run(envDebug, '.env', ['APP_ENV=production', 'APP_DEBUG=true']))).toEqual(['2 debug-enabled APP_DEBUG=true in .env']);
    expect(configLines(await run(envDebug, '.env', ['APP_ENV=local', 'APP_DEBUG=true']))).toEqual([]);
    expect(configLines(await run(envDebug, '.env.example', ['APP_DEBUG=true']))).toEqual([]);
    expect(configLines(await run(envDebug, '.env', ['APP_DEBUG=false']))).toEqual([]);
  });
});
