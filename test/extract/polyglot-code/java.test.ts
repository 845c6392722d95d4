import { describe, expect, it } from 'vitest';
import { javaConfigIssues } from '../../../src/extract/code/java/config-issues.js';
import { javaHashCalls } from '../../../src/extract/code/java/hash-calls.js';
import { javaJwtCalls } from '../../../src/extract/code/java/jwt-calls.js';
import { javaSqlCalls } from '../../../src/extract/code/java/sql-calls.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('java/sql-calls', () => {
  it('follows concatenation, +=, StringBuilder, String.format and constants within a method', async () => {
    const facts = await run(javaSqlCalls, 'src/main/java/app/UserDao.java', [
      'class UserDao {',
      '  private static final String TABLE = "users";',
      '  void find(Connection conn, EntityManager em, JdbcTemplate jdbc, String name, int id) throws Exception {',
      '    Statement st = conn.createStatement();',
      '    st.executeQuery("SELECT * FROM " + TABLE + " WHERE name = \'" + name + "\'");',
      '    String q = "SELECT * FROM users WHERE id = ";',
      '    q += id;',
      '    st.executeQuery(q);',
      '    StringBuilder sb = new StringBuilder("DELETE FROM users WHERE name = \'");',
      '    sb.append(name).append("\'");',
      '    st.executeUpdate(sb.toString());',
      '    em.createQuery(String.format("select u from User u where u.name = \'%s\'", name));',
      '    em.createNativeQuery("select * from users where id = " + id);',
      '    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");',
      '    jdbc.queryForList("SELECT * FROM users WHERE name = ?", name);',
      '    final String safe = "SELECT 1";',
      '    jdbc.execute(safe + " FROM dual");',
      '    String sort = id > 3 ? "name" : "id";',
      '    jdbc.query("SELECT * FROM users ORDER BY " + sort, mapper);',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '5 st.executeQuery concatenated true',
      '8 st.executeQuery literal false',
      '11 st.executeUpdate concatenated true @10',
      '12 em.createQuery formatted true',
      '13 em.createNativeQuery literal false',
      '14 conn.prepareStatement literal false',
      '15 jdbc.queryForList parameterised false',
      '17 jdbc.execute literal false',
      '19 jdbc.query literal false',
    ]);
  });

  it('treats request input used whole as a JDO filter as built text', async () => {
    const facts = await run(javaSqlCalls, 'Filter.java', [
      'class F {',
      '  void f(HttpServletRequest request, PersistenceManager pm, String field) {',
      '    Query q = pm.newQuery(User.class);',
      '    q.setFilter("id == " + request.getParameter("id"));',
      '    q.setOrdering(request.getParameter("sort"));',
      '    q.setGrouping(field);',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual(['4 jdo.setFilter concatenated true', '5 jdo.setOrdering concatenated true']);
  });
});

describe('java/hash-calls', () => {
  it('reads digests, password encoders and their purposes', async () => {
    const facts = await run(javaHashCalls, 'Hashes.java', [
      'class Hashes {',
      '  PasswordEncoder encoder() { return new BCryptPasswordEncoder(8); }',
      '  PasswordEncoder noop() { return NoOpPasswordEncoder.getInstance(); }',
      '  PasswordEncoder argon() { return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(); }',
      '  void save(User user) throws Exception {',
      '    MessageDigest md = MessageDigest.getInstance("MD5");',
      '    md.update(user.getPassword().getBytes());',
      '    user.setPasswordHash(md.digest());',
      '  }',
      '  String etag(byte[] content) { return DigestUtils.md5Hex(content); }',
      '  String token(String seed) { return DigestUtils.sha1Hex(seed); }',
      '}',
    ]);
    expect(hashLines(facts)).toEqual([
      '2 bcrypt spring-security password cost=8',
      '3 plaintext spring-security password',
      '4 argon2 spring-security password variant=argon2id memoryKiB=16384 iterations=2 parallelism=1',
      '8 md5 java.security password',
      '10 md5 commons-codec other',
      '11 sha1 commons-codec unknown',
    ]);
  });
});

describe('java/jwt-calls', () => {
  it('finds unsigned parsing, unsigned / non-expiring tokens, decode-only and literal keys', async () => {
    const facts = await run(javaJwtCalls, 'Tokens.java', [
      'class Tokens {',
      '  Object read(String t) { return Jwts.parser().setSigningKey("secret").parse(t); }',
      '  Object readSigned(String t, Key k) { return Jwts.parserBuilder().setSigningKey(k).build().parseClaimsJws(t); }',
      '  String issue(String sub) {',
      '    return Jwts.builder()',
      '        .setSubject(sub)',
      '        .signWith(SignatureAlgorithm.HS256, "secret".getBytes())',
      '        .compact();',
      '  }',
      '  String unsigned(String sub) { return Jwts.builder().setSubject(sub).setExpiration(exp).compact(); }',
      '  String user(String t) { return JWT.decode(t).getSubject(); }',
      '  void verify(String t) { JWT.require(Algorithm.HMAC256("k3y")).build().verify(t); }',
      '  void none() { JWT.create().withExpiresAt(exp).sign(Algorithm.none()); }',
      '}',
    ]);
    expect(jwtLines(facts)).toEqual([
      '2 jjwt verify hardcoded-key,none-algorithm',
      '3 jjwt verify -',
      '5 jjwt sign hardcoded-key,no-expiry',
      '10 jjwt sign none-algorithm',
      '11 java-jwt decode decode-only',
      '12 java-jwt verify hardcoded-key',
      '13 java-jwt sign none-algorithm',
    ]);
  });
});

describe('java/config-issues', () => {
  it('finds trust-all managers and permissive host name verifiers', async () => {
    const facts = await run(javaConfigIssues, 'Tls.java', [
      'class Tls {',
      '  TrustManager[] all = new TrustManager[] { new X509TrustManager() {',
      '    public void checkClientTrusted(X509Certificate[] c, String a) {}',
      '    public void checkServerTrusted(X509Certificate[] c, String a) {}',
      '    public X509Certificate[] getAcceptedIssuers() { return null; }',
      '  } };',
      '  void f(HttpsURLConnection conn) {',
      '    conn.setHostnameVerifier((host, session) -> true);',
      '    HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();',
      '    conn.setHostnameVerifier((host, session) -> host.equals("api.example.com"));',
      '  }',
      '}',
    ]);
    expect(configLines(facts)).toEqual([
      '4 tls-verification-disabled checkServerTrusted accepts every certificate',
      '9 tls-verification-disabled NoopHostnameVerifier',
      '8 tls-verification-disabled setHostnameVerifier accepts every host name',
    ]);
  });
});
