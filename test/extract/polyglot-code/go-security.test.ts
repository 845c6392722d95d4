import { describe, expect, it } from 'vitest';
import { goConfigIssues } from '../../../src/extract/code/go/config-issues.js';
import { goHashCalls } from '../../../src/extract/code/go/hash-calls.js';
import { goJwtCalls } from '../../../src/extract/code/go/jwt-calls.js';
import { configLines, hashLines, jwtLines, run } from './parse.js';

describe('go/hash-calls', () => {
  it('reads algorithms, parameters and purposes', async () => {
    const facts = await run(goHashCalls, 'auth/hash.go', [
      'package auth',
      'import (',
      '  "crypto/md5"',
      '  "crypto/sha256"',
      '  "golang.org/x/crypto/argon2"',
      '  "golang.org/x/crypto/bcrypt"',
      '  "golang.org/x/crypto/pbkdf2"',
      ')',
      'func Hash(password string) {',
      '  bcrypt.GenerateFromPassword([]byte(password), 8)',
      '  bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)',
      '  argon2.IDKey([]byte(password), salt, 1, 64*1024, 4, 32)',
      '  pbkdf2.Key([]byte(password), salt, 4096, 32, sha256.New)',
      '  md5.Sum([]byte(password))',
      '}',
      'func Etag(content []byte) string {',
      '  sum := md5.Sum(content)',
      '  return hex.EncodeToString(sum[:])',
      '}',
      'func Sign(token string) { sha256.Sum256([]byte(token)) }',
    ]);
    expect(hashLines(facts)).toEqual([
      '10 bcrypt x/crypto/bcrypt password cost=8',
      '11 bcrypt x/crypto/bcrypt password cost=10',
      '12 argon2 x/crypto/argon2 password variant=argon2id iterations=1 memoryKiB=65536 parallelism=4',
      '13 pbkdf2 x/crypto/pbkdf2 password iterations=4096 variant=sha256',
      '14 md5 crypto/md5 password',
      '17 md5 crypto/md5 other',
      '20 sha256 crypto/sha256 unknown',
    ]);
  });
});

describe('go/jwt-calls', () => {
  it('finds none algorithms, unverified parsing, missing expiry and literal keys', async () => {
    const facts = await run(goJwtCalls, 'auth/jwt.go', [
      'package auth',
      'import "github.com/golang-jwt/jwt/v5"',
      'func Issue(id string) (string, error) {',
      '  t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": id})',
      '  return t.SignedString([]byte("s3cr3t"))',
      '}',
      'func IssueNone(id string) {',
      '  t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": id, "exp": time.Now().Add(time.Hour * 24 * 30).Unix()})',
      '  t.SignedString(jwt.UnsafeAllowNoneSignatureType)',
      '}',
      'func Peek(s string) {',
      '  jwt.NewParser().ParseUnverified(s, jwt.MapClaims{})',
      '}',
      'func Check(s string) {',
      '  jwt.Parse(s, func(t *jwt.Token) (interface{}, error) { return []byte("s3cr3t"), nil }, jwt.WithoutClaimsValidation())',
      '}',
    ]);
    expect(jwtLines(facts)).toEqual([
      '4 golang-jwt sign no-expiry',
      '5 golang-jwt sign hardcoded-key',
      '8 golang-jwt sign none-algorithm,long-expiry',
      '9 golang-jwt sign none-algorithm',
      '12 golang-jwt decode decode-only',
      '15 golang-jwt verify hardcoded-key,no-expiry',
    ]);
  });
});

describe('go/config-issues', () => {
  it('finds InsecureSkipVerify and gin debug mode', async () => {
    const facts = await run(goConfigIssues, 'main.go', [
      'package main',
      'import ("crypto/tls"; "github.com/gin-gonic/gin")',
      'func main() {',
      '  cfg := &tls.Config{InsecureSkipVerify: true}',
      '  cfg.InsecureSkipVerify = true',
      '  safe := &tls.Config{InsecureSkipVerify: false}',
      '  gin.SetMode(gin.DebugMode)',
      '  gin.SetMode(gin.ReleaseMode)',
      '}',
    ]);
    expect(configLines(facts)).toEqual([
      '4 tls-verification-disabled InsecureSkipVerify: true',
      '5 tls-verification-disabled cfg.InsecureSkipVerify = true',
      '7 debug-enabled gin.SetMode(gin.DebugMode)',
    ]);
  });
});
