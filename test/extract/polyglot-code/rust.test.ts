import { describe, expect, it } from 'vitest';
import { rustConfigIssues } from '../../../src/extract/code/rust/config-issues.js';
import { rustHashCalls } from '../../../src/extract/code/rust/hash-calls.js';
import { rustJwtCalls } from '../../../src/extract/code/rust/jwt-calls.js';
import { rustSqlCalls } from '../../../src/extract/code/rust/sql-calls.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('rust/sql-calls', () => {
  it('follows format!, inline captures, push_str and write! into sqlx, diesel and rusqlite calls', async () => {
    const facts = await run(rustSqlCalls, 'src/db.rs', [
      'const TABLE: &str = "users";',
      'async fn find(pool: &PgPool, conn: &Connection, name: &str, id: i64) {',
      '    let q = format!("SELECT * FROM {} WHERE name = \'{}\'", TABLE, name);',
      '    sqlx::query(&q).fetch_all(pool).await;',
      '    sqlx::query(&format!("SELECT * FROM {TABLE} WHERE id = {id}")).fetch_all(pool).await;',
      '    sqlx::query(&format!("SELECT * FROM users WHERE name = \'{name}\'")).fetch_all(pool).await;',
      '    sqlx::query!("SELECT * FROM users WHERE name = $1", name).fetch_all(pool).await;',
      '    sqlx::query("SELECT * FROM users WHERE name = $1").bind(name).fetch_all(pool).await;',
      '    let mut s = String::from("DELETE FROM users WHERE name = \'");',
      '    s.push_str(name);',
      '    s.push_str("\'");',
      '    conn.execute(&s, []);',
      '    diesel::sql_query(format!("SELECT * FROM users ORDER BY {}", name)).load(conn);',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '4 sqlx::query formatted true @3',
      '5 sqlx::query literal false',
      '6 sqlx::query formatted true',
      '7 sqlx::query! parameterised false',
      '8 sqlx::query literal false',
      '12 conn.execute concatenated true @10',
      '13 diesel::sql_query formatted true',
    ]);
  });
});

describe('rust/hash-calls', () => {
  it('reads bcrypt costs, argon2 parameters and digests', async () => {
    const facts = await run(rustHashCalls, 'src/auth.rs', [
      'fn store(password: &str) {',
      '    bcrypt::hash(password, 6).unwrap();',
      '    bcrypt::hash(password, DEFAULT_COST).unwrap();',
      '    let a = Argon2::default();',
      '    let b = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(4096, 1, 1, None).unwrap());',
      '    let d = Sha256::digest(password.as_bytes());',
      '}',
      'fn etag(body: &[u8]) { md5::compute(body); }',
    ]);
    expect(hashLines(facts)).toEqual([
      '2 bcrypt bcrypt password cost=6',
      '3 bcrypt bcrypt password cost=12',
      '4 argon2 argon2 password variant=argon2id memoryKiB=19456 iterations=2 parallelism=1',
      '5 argon2 argon2 password variant=argon2id memoryKiB=4096 iterations=1 parallelism=1',
      '6 sha256 rustcrypto password',
      '8 md5 md5 other',
    ]);
  });
});

describe('rust/jwt-calls', () => {
  it('finds literal secrets, disabled expiry checks and insecure decoding', async () => {
    const facts = await run(rustJwtCalls, 'src/jwt.rs', [
      'fn issue(sub: String) -> String {',
      '    let claims = Claims { sub };',
      '    encode(&Header::default(), &claims, &EncodingKey::from_secret("secret".as_ref())).unwrap()',
      '}',
      'fn check(t: &str) {',
      '    let mut v = Validation::new(Algorithm::HS256);',
      '    v.validate_exp = false;',
      '    v.insecure_disable_signature_validation();',
      '    decode::<Claims>(t, &DecodingKey::from_secret(std::env::var("JWT").unwrap().as_bytes()), &v);',
      '}',
    ]);
    expect(jwtLines(facts)).toEqual([
      '3 jsonwebtoken sign no-expiry',
      '3 jsonwebtoken sign hardcoded-key',
      '8 jsonwebtoken verify no-verify',
      '7 jsonwebtoken verify no-expiry',
    ]);
  });
});

describe('rust/config-issues', () => {
  it('finds certificate checks switched off', async () => {
    const facts = await run(rustConfigIssues, 'src/client.rs', [
      'fn client() {',
      '    reqwest::Client::builder().danger_accept_invalid_certs(true).build();',
      '    reqwest::Client::builder().danger_accept_invalid_certs(false).build();',
      '}',
      'impl ServerCertVerifier for NoVerify {',
      '    fn verify_server_cert(&self, _e: &Certificate) -> Result<ServerCertVerified, Error> {',
      '        Ok(ServerCertVerified::assertion())',
      '    }',
      '}',
    ]);
    expect(configLines(facts)).toEqual([
      '2 tls-verification-disabled danger_accept_invalid_certs(true)',
      '6 tls-verification-disabled verify_server_cert accepts every certificate',
    ]);
  });
});
