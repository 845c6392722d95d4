import { describe, expect, it } from 'vitest';
import { csharpConfigIssues } from '../../../src/extract/code/csharp/config-issues.js';
import { csharpHashCalls } from '../../../src/extract/code/csharp/hash-calls.js';
import { csharpJwtCalls } from '../../../src/extract/code/csharp/jwt-calls.js';
import { csharpSqlCalls } from '../../../src/extract/code/csharp/sql-calls.js';
import { configLines, hashLines, jwtLines, run, sqlLines } from './parse.js';

describe('csharp/sql-calls', () => {
  it('classifies ADO.NET, EF Core and Dapper calls', async () => {
    const facts = await run(csharpSqlCalls, 'Data/UserRepository.cs', [
      'class UserRepository {',
      '  const string Table = "Users";',
      '  void Find(SqlConnection conn, AppDb ctx, string name, int id) {',
      '    var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = \'" + name + "\'", conn);',
      '    cmd.CommandText = $"SELECT * FROM {Table} WHERE Id = {id}";',
      '    cmd.CommandText = $"SELECT * FROM Users WHERE Name = \'{name}\'";',
      '    ctx.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name);',
      '    ctx.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = \'{name}\'");',
      '    ctx.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}");',
      '    var sql = string.Format("DELETE FROM Users WHERE Name = \'{0}\'", name);',
      '    ctx.Database.ExecuteSqlRaw(sql);',
      '    conn.Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });',
      '    var sb = new StringBuilder("SELECT * FROM Users WHERE ");',
      '    sb.Append("Name = \'").Append(name).Append("\'");',
      '    conn.Execute(sb.ToString());',
      '  }',
      '}',
    ]);
    expect(sqlLines(facts)).toEqual([
      '4 new SqlCommand concatenated true',
      '7 efcore.FromSqlRaw parameterised false',
      '8 efcore.FromSqlRaw interpolated true',
      '9 efcore.FromSqlInterpolated parameterised false',
      '11 efcore.ExecuteSqlRaw formatted true @10',
      '12 conn.Query parameterised false',
      '15 conn.Execute concatenated true @14',
      '5 CommandText literal false',
      '6 CommandText interpolated true',
    ]);
  });
});

describe('csharp/hash-calls', () => {
  it('reads digests, PBKDF2 iterations and BCrypt work factors', async () => {
    const facts = await run(csharpHashCalls, 'Security/Hasher.cs', [
      'class Hasher {',
      '  byte[] HashPassword(string password) {',
      '    using var md5 = MD5.Create();',
      '    return md5.ComputeHash(Encoding.UTF8.GetBytes(password));',
      '  }',
      '  byte[] Derive(string password, byte[] salt) => new Rfc2898DeriveBytes(password, salt, 10000, HashAlgorithmName.SHA256).GetBytes(32);',
      '  string Bc(string pw) => BCrypt.Net.BCrypt.HashPassword(pw, 8);',
      '  byte[] Token(byte[] nonce) => SHA1.HashData(nonce);',
      '}',
    ]);
    expect(hashLines(facts)).toEqual([
      '4 md5 System.Security.Cryptography password',
      '6 pbkdf2 System.Security.Cryptography password iterations=10000 variant=sha256',
      '7 bcrypt BCrypt.Net password cost=8',
      '8 sha1 System.Security.Cryptography unknown',
    ]);
  });
});

describe('csharp/jwt-calls', () => {
  it('finds lifetime / signature checks switched off, decode-only reads and literal keys', async () => {
    const facts = await run(csharpJwtCalls, 'Startup.cs', [
      'class Startup {',
      '  void Configure(JwtBearerOptions options) {',
      '    options.TokenValidationParameters = new TokenValidationParameters {',
      '      ValidateLifetime = false,',
      '      RequireSignedTokens = false,',
      '      IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("super-secret-key")),',
      '    };',
      '  }',
      '  string Sub(string t) => new JwtSecurityTokenHandler().ReadJwtToken(t).Subject;',
      '  string Issue() => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken("iss", "aud", claims, signingCredentials: creds));',
      '}',
    ]);
    expect(jwtLines(facts)).toEqual([
      '4 microsoft-identitymodel verify no-expiry',
      '5 microsoft-identitymodel verify none-algorithm',
      '6 microsoft-identitymodel verify hardcoded-key',
      '9 microsoft-identitymodel decode decode-only',
      '10 microsoft-identitymodel sign no-expiry',
    ]);
  });
});

describe('csharp/config-issues', () => {
  it('finds certificate callbacks that accept everything and unguarded developer exception pages', async () => {
    const facts = await run(csharpConfigIssues, 'Program.cs', [
      'var handler = new HttpClientHandler();',
      'handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;',
      'handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;',
      'app.UseDeveloperExceptionPage();',
      'if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }',
      'if (!app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }',
    ]);
    expect(configLines(facts)).toEqual([
      '2 tls-verification-disabled ServerCertificateCustomValidationCallback always returns true',
      '3 tls-verification-disabled DangerousAcceptAnyServerCertificateValidator',
      '4 debug-enabled UseDeveloperExceptionPage() without an IsDevelopment() check',
      '6 debug-enabled UseDeveloperExceptionPage() without an IsDevelopment() check',
    ]);
  });
});
