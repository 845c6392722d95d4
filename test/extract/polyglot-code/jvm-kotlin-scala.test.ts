import { describe, expect, it } from 'vitest';
import { kotlinConfigIssues } from '../../../src/extract/code/kotlin/config-issues.js';
import { kotlinHashCalls } from '../../../src/extract/code/kotlin/hash-calls.js';
import { kotlinJwtCalls } from '../../../src/extract/code/kotlin/jwt-calls.js';
import { kotlinSqlCalls } from '../../../src/extract/code/kotlin/sql-calls.js';
import { scalaHashCalls } from '../../../src/extract/code/scala/hash-calls.js';
import { scalaJwtCalls } from '../../../src/extract/code/scala/jwt-calls.js';
import { scalaSqlCalls } from '../../../src/extract/code/scala/sql-calls.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('kotlin/sql-calls', () => {
  it('follows string templates, + and StringBuilder into JDBC and JdbcTemplate calls', async () => {
    const facts = await run(kotlinSqlCalls, 'src/main/kotlin/app/UserRepo.kt', [
      'class UserRepo(private val jdbc: JdbcTemplate) {',
      '  companion object { const val TABLE = "users" }',
      '  fun find(name: String, id: Long) {',
      '    jdbc.queryForList("SELECT * FROM $TABLE WHERE name = \'$name\'")',
      '    jdbc.queryForList("SELECT * FROM ${TABLE} WHERE id = $id")',
      '    jdbc.queryForList("SELECT * FROM users WHERE name = ?", name)',
      '    val sql = "DELETE FROM users WHERE name = \'" + name + "\'"',
      '    jdbc.update(sql)',
      '    val q = String.format("SELECT * FROM users WHERE name = \'%s\'", name)',
      '    em.createNativeQuery(q)',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '4 jdbc.queryForList interpolated true',
      '5 jdbc.queryForList literal false',
      '6 jdbc.queryForList parameterised false',
      '8 jdbc.update concatenated true @7',
      '10 em.createNativeQuery formatted true @9',
    ]);
  });
});

describe('kotlin hash, jwt and config', () => {
  it('reads encoders and digests', async () => {
    const facts = await run(kotlinHashCalls, 'Security.kt', [
      'class Security {',
      '  @Bean fun passwordEncoder(): PasswordEncoder = BCryptPasswordEncoder(12)',
      '  fun legacy(password: String): ByteArray = MessageDigest.getInstance("SHA-1").digest(password.toByteArray())',
      '}',
    ]);
    expect(hashLines(facts)).toEqual(['2 bcrypt spring-security password cost=12', '3 sha1 java.security password']);
  });

  it('finds jjwt builders without expiry and permissive verifiers', async () => {
    const jwt = await run(kotlinJwtCalls, 'Jwt.kt', [
      'fun token(sub: String): String = Jwts.builder().setSubject(sub).signWith(key).compact()',
    ]);
    expect(jwtLines(jwt)).toEqual(['1 jjwt sign no-expiry']);
    const cfg = await run(kotlinConfigIssues, 'Http.kt', [
      'val client = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()',
      'object TrustAll : X509TrustManager {',
      '  override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}',
      '}',
    ]);
    expect(configLines(cfg)).toEqual([
      '3 tls-verification-disabled checkServerTrusted accepts every certificate',
      '1 tls-verification-disabled hostnameVerifier accepts every host name',
    ]);
  });
});

describe('scala', () => {
  it('tells Slick bound interpolation from #$ splices, and follows s"" into Anorm and JDBC', async () => {
    const facts = await run(scalaSqlCalls, 'app/Users.scala', [
      'class Users(db: Database) {',
      '  def find(name: String, id: Int) = {',
      '    db.run(sql"select * from users where name = $name".as[User])',
      '    db.run(sql"select * from #$name".as[User])',
      '    SQL(s"select * from users where name = \'$name\'").as(parser)',
      '    val q = "select * from users where id = " + id',
      '    stmt.executeQuery(q)',
      '    Fragment.const(s"order by $name")',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '5 anorm.SQL interpolated true',
      '7 stmt.executeQuery literal false',
      '8 doobie.Fragment.const interpolated true',
      '3 slick.sql parameterised false',
      '4 slick.sql interpolated true',
    ]);
  });

  it('reads JVM hashes and jwt-scala keys', async () => {
    expect(hashLines(await run(scalaHashCalls, 'Hash.scala', ['object Hash { def h(password: String) = MessageDigest.getInstance("MD5").digest(password.getBytes) }'])))
      .toEqual(['1 md5 java.security password']);
    expect(jwtLines(await run(scalaJwtCalls, 'Token.scala', ['object T { val t = Jwt.encode(claim, "secretKey", JwtAlgorithm.HS256) }'])))
      .toEqual(['1 jwt-scala sign hardcoded-key']);
  });
});
