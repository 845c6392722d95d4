import { describe, expect, it } from 'vitest';
import { csharpSecrets } from '../../../src/extract/security/csharp/secrets.js';
import { goSecrets } from '../../../src/extract/security/go/secrets.js';
import { javaSecrets, kotlinSecrets } from '../../../src/extract/security/jvm/secrets.js';
import { phpSecrets } from '../../../src/extract/security/php/secrets.js';
import { rustSecrets } from '../../../src/extract/security/rust/secrets.js';
import { scalaSecrets } from '../../../src/extract/security/scala/secrets.js';
import { secretLines } from './parse.js';

describe('security/go/secrets', () => {
  it('judges secret-named constants, variables, struct fields and map keys', async () => {
    expect(await secretLines(goSecrets, 'internal/config/config.go', [
      'package config',
      'const jwtSecret = "9f8Kq2LmZx7Rt4Vb"',
      'const jwtSecretName = "JWT_SECRET"',
      'var (',
      '  apiKey = "k3J8s9DmQ2xZ7wPa"',
      '  dbPassword = "password"',
      ')',
      'func load() Config {',
      '  cfg := Config{ClientSecret: "aB9dE3fG7hJ2kL5m", Name: "svc"}',
      '  m := map[string]string{"api_key": "Zq8Wm3Xn6Tb1Vc4R", "mode": "dev"}',
      '  cfg.Password = "correct-horse-9"',
      '  return cfg',
      '}',
    ])).toEqual([
      '2 secret-assignment jwtSecret',
      '5 secret-assignment apiKey',
      '9 secret-assignment ClientSecret',
      '10 secret-assignment api_key',
      '11 secret-assignment Password',
    ]);
  });

  it('finds keys passed to jwt-go, hmac, cookie stores and key functions', async () => {
    expect(await secretLines(goSecrets, 'auth/jwt.go', [
      'package auth',
      'var signing = []byte("s3cr3t-signing")',
      'func sign(t *jwt.Token) (string, error) {',
      '  t.SignedString([]byte("my_secret_key"))',
      '  t.SignedString(signing)',
      '  mac := hmac.New(sha256.New, []byte("hmac-key-value"))',
      '  store := sessions.NewCookieStore([]byte("cookie-key"))',
      '  jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte("parse-key"), nil })',
      '  return t.SignedString(os.Getenv("JWT_SECRET"))',
      '}',
      'func verify(key string) { jwtauth.New("HS256", []byte(key), nil) }',
    ])).toEqual([
      '4 hardcoded-key',
      '5 secret-reference signing',
      '6 hardcoded-key',
      '7 hardcoded-key',
      '8 hardcoded-key',
    ]);
  });

  it('reads env helpers with a literal default and gin-jwt keys', async () => {
    expect(await secretLines(goSecrets, 'main.go', [
      'package main',
      'func main() {',
      '  secret := getEnv("JWT_SECRET", "dev-only-secret-1")',
      '  port := getEnv("PORT", "8080")',
      '  mw := &jwt.GinJWTMiddleware{Realm: "zone", Key: []byte("secret key")}',
      '  pw := cmp.Or(os.Getenv("DB_PASSWORD"), "Pa55w0rd!x")',
      '}',
    ])).toEqual([
      '3 env-fallback JWT_SECRET',
      '5 hardcoded-key',
      '6 env-fallback DB_PASSWORD',
    ]);
  });

  it('recognises provider formats anywhere and lowers test files', async () => {
    const facts = await secretLines(goSecrets, 'notify/slack.go', [
      'package notify',
      'func hook() string { return "https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/abcdefghijklmnopqrstuvwx" }',
    ]);
    expect(facts).toEqual(['2 slack-webhook']);
    expect(await secretLines(goSecrets, 'auth/jwt_test.go', ['package auth', 'const secret = "abc"'])).toEqual([]);
  });
});

describe('security/java/secrets', () => {
  it('judges fields, @Value defaults, env defaults and JWT keys', async () => {
    expect(await secretLines(javaSecrets, 'src/main/java/app/JwtConfig.java', [
      'class JwtConfig {',
      '  private static final String SECRET = "q8Zr2Lm9Xt4Vb7Nc";',
      '  @Value("${jwt.secret:dev-fallback-key}") private String jwtSecret;',
      '  @Value("${jwt.secret}") private String other;',
      '  String token(String key) {',
      '    Algorithm a = Algorithm.HMAC256("hardcoded");',
      '    Algorithm b = Algorithm.HMAC256(key);',
      '    String pw = System.getenv().getOrDefault("DB_PASSWORD", "Sup3rS3cret!");',
      '    return Jwts.builder().signWith(SignatureAlgorithm.HS512, "jjwt-literal-key").compact();',
      '  }',
      '  Key k = Keys.hmacShaKeyFor("another-key-value".getBytes(StandardCharsets.UTF_8));',
      '  Key s = new SecretKeySpec(SECRET.getBytes(), "HmacSHA256");',
      '}',
    ])).toEqual([
      '2 secret-assignment SECRET',
      '3 env-fallback jwt.secret',
      '6 hardcoded-key',
      '8 env-fallback DB_PASSWORD',
      '9 hardcoded-key',
      '11 hardcoded-key',
    ]);
  });

  it('reads Kotlin properties, elvis env defaults and map pairs', async () => {
    expect(await secretLines(kotlinSecrets, 'src/main/kotlin/app/Security.kt', [
      'const val JWT_SECRET = "k0tl1n-s3cr3t-v4lue"',
      'class Security(@Value("\\${app.api-key:fallback-api-key}") val apiKey: String) {',
      '  val password = System.getenv("DB_PASSWORD") ?: "Kt-Passw0rd"',
      '  val claims = mapOf("client_secret" to "mApS3cr3tV4l")',
      '  val alg = Algorithm.HMAC256("kotlin-hmac")',
      '}',
    ])).toEqual([
      '1 secret-assignment JWT_SECRET',
      '2 env-fallback app.api-key',
      '3 env-fallback DB_PASSWORD',
      '4 secret-assignment client_secret',
      '5 hardcoded-key',
    ]);
  });
});

describe('security/php/secrets', () => {
  it('judges config arrays, define(), env() defaults and php-jwt keys', async () => {
    expect(await secretLines(phpSecrets, 'config/app.php', [
      '<?php',
      "define('JWT_SECRET', 'd3f1n3d-s3cr3t');",
      'return [',
      "    'key' => env('APP_KEY', 'base64:Qm9vdHN0cmFwS2V5VmFsdWU='),",
      "    'api_secret' => 'Zx9Qw8Er7Ty6Ui5O',",
      "    'password' => env('DB_PASSWORD', ''),",
      "    'token' => getenv('API_TOKEN') ?: 'tok-9f8e7d6c5b',",
      "    'name' => 'secret',",
      '];',
    ])).toEqual([
      '2 secret-assignment JWT_SECRET',
      '4 env-fallback APP_KEY',
      '5 secret-assignment api_secret',
      '7 env-fallback API_TOKEN',
    ]);
    expect(await secretLines(phpSecrets, 'src/Auth.php', [
      '<?php',
      'class Auth {',
      "  private \$secret = 'pr0p3rty-s3cr3t';",
      '  function token($p) {',
      "    \$a = JWT::encode(\$p, 'literal-key', 'HS256');",
      "    \$b = JWT::decode(\$t, new Key('other-key', 'HS256'));",
      "    return hash_hmac('sha256', \$p, 'hmac-key');",
      '  }',
      '}',
    ])).toEqual([
      '3 secret-assignment secret',
      '5 hardcoded-key',
      '6 hardcoded-key',
      '7 hardcoded-key',
    ]);
  });
});

describe('security/csharp/secrets', () => {
  it('judges constants, properties, env defaults and signing keys', async () => {
    expect(await secretLines(csharpSecrets, 'src/Api/Auth.cs', [
      'public class Auth {',
      '  private const string Key = "c0nst-k3y";',
      '  public string ApiKey { get; set; } = "Pr0pApiK3yV4lue";',
      '  private readonly HMACSHA512 x = new(Encoding.UTF8.GetBytes("realworld"));',
      '  void Configure() {',
      '    var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("somethinglongerforthisalgorithm"));',
      '    var k2 = new SymmetricSecurityKey("u8-literal-key"u8.ToArray());',
      '    var secret = Environment.GetEnvironmentVariable("JWT_SECRET") ?? "env-default-secret";',
      '    var pw = configuration["Db:Password"] ?? "Db-Passw0rd!";',
      '  }',
      '}',
    ])).toEqual([
      '3 secret-assignment ApiKey',
      '4 hardcoded-key',
      '6 hardcoded-key',
      '7 hardcoded-key',
      '8 env-fallback JWT_SECRET',
      '9 env-fallback Db:Password',
    ]);
  });
});

describe('security/rust/secrets', () => {
  it('judges consts, env defaults, struct fields and jsonwebtoken keys', async () => {
    expect(await secretLines(rustSecrets, 'src/auth.rs', [
      'const JWT_SECRET: &str = "ru5t-jwt-s3cr3t";',
      'fn keys() {',
      '    let secret = env::var("JWT_SECRET").unwrap_or("fallback-secret".into());',
      '    let other = std::env::var("API_KEY").unwrap_or_else(|_| String::from("fallback-api-key"));',
      '    let key = EncodingKey::from_secret(b"literal-bytes-key");',
      '    let cfg = Config { client_secret: "StructS3cret9".to_string(), name: "x".into() };',
      '    let mac = HmacSha256::new_from_slice(b"hmac-bytes").unwrap();',
      '}',
    ])).toEqual([
      '1 secret-assignment JWT_SECRET',
      '3 env-fallback JWT_SECRET',
      '4 env-fallback API_KEY',
      '5 hardcoded-key',
      '6 secret-assignment client_secret',
      '7 hardcoded-key',
    ]);
  });
});

describe('security/scala/secrets', () => {
  it('judges vals, sys.env defaults and jwt-scala keys', async () => {
    expect(await secretLines(scalaSecrets, 'app/Auth.scala', [
      'object Auth {',
      '  val secretKey = "sc4la-s3cr3t-k3y"',
      '  val apiToken = sys.env.getOrElse("API_TOKEN", "tok-fallback-99")',
      '  def sign(claim: JwtClaim) = Jwt.encode(claim, "jwt-literal", JwtAlgorithm.HS256)',
      '  val conf = Map("password" -> "MapPassw0rd!")',
      '}',
    ])).toEqual([
      '2 secret-assignment secretKey',
      '3 env-fallback API_TOKEN',
      '4 hardcoded-key',
      '5 secret-assignment password',
    ]);
  });
});

describe('isTestFile', () => {
  it('knows the test conventions of the other languages and keeps JVM package names apart', async () => {
    const { isTestFile } = await import('../../../src/extract/security/shared/test-files.js');
    expect(['auth/jwt_test.go', 'src/test/java/app/AuthTest.java', 'tests/Conduit.IntegrationTests/Fixture.cs', 'src/auth_test.rs',
      'database/factories/UserFactory.php', 'examples/demo/src/main/java/app/A.java'].map(isTestFile)).toEqual([true, true, true, true, true, true]);
    expect(['src/main/java/com/example/app/TokenService.java', 'src/main/kotlin/com/example/App.kt', 'internal/auth/jwt.go'].map(isTestFile)).toEqual([false, false, false]);
  });
});
