import { describe, expect, it } from 'vitest';
import { csharpDatabases } from '../../../src/extract/security/csharp/database.js';
import { goDatabases } from '../../../src/extract/security/go/database.js';
import { javaDatabases, kotlinDatabases } from '../../../src/extract/security/jvm/database.js';
import { phpDatabases } from '../../../src/extract/security/php/database.js';
import { rustDatabases } from '../../../src/extract/security/rust/database.js';
import { scalaDatabases } from '../../../src/extract/security/scala/database.js';
import { databaseLines } from './parse.js';

describe('security/go/database', () => {
  it('reads drivers, gorm dialects and Open calls', async () => {
    expect(await databaseLines(goDatabases, 'db.go', [
      'package db',
      'import (',
      '  "database/sql"',
      '  _ "github.com/lib/pq"',
      '  "gorm.io/gorm"',
      '  "gorm.io/driver/mysql"',
      '  "go.mongodb.org/mongo-driver/mongo"',
      ')',
      'func open() {',
      '  db, _ := sql.Open("postgres", dsn)',
      '  g, _ := gorm.Open(mysql.Open(dsn), &gorm.Config{})',
      '}',
    ])).toEqual([
      '4 lib/pq postgresql',
      '5 gorm -',
      '6 gorm mysql',
      '10 database/sql postgresql',
    ]);
  });

  it('reads gorm v1 and pgx', async () => {
    expect(await databaseLines(goDatabases, 'main.go', [
      'package main',
      'import (',
      '  "github.com/jinzhu/gorm"',
      '  "github.com/jackc/pgx/v5"',
      ')',
      'func main() {',
      '  db, _ := gorm.Open("sqlite3", "./gorm.db")',
      '  conn, _ := pgx.Connect(ctx, "postgres://localhost/app")',
      '}',
    ])).toEqual([
      '3 gorm -',
      '4 pgx postgresql',
      '7 gorm sqlite',
      '8 pgx postgresql',
    ]);
  });
});

describe('security/java/database', () => {
  it('reads JPA, MyBatis and JDBC URLs', async () => {
    expect(await databaseLines(javaDatabases, 'src/main/java/app/Repo.java', [
      'import jakarta.persistence.Entity;',
      'import jakarta.persistence.Id;',
      'import org.apache.ibatis.annotations.Mapper;',
      'class Repo {',
      '  Connection c = DriverManager.getConnection("jdbc:postgresql://localhost/app", "u", p);',
      '  String driver = "org.h2.Driver";',
      '}',
    ])).toEqual([
      '1 jpa -',
      '3 mybatis -',
      '5 jdbc postgresql',
      '6 jdbc h2',
    ]);
  });

  it('reads Exposed in Kotlin', async () => {
    expect(await databaseLines(kotlinDatabases, 'src/main/kotlin/app/Db.kt', [
      'import org.jetbrains.exposed.sql.Database',
      'fun connect() = Database.connect("jdbc:mysql://localhost/app", driver = "com.mysql.cj.jdbc.Driver")',
    ])).toEqual([
      '1 exposed -',
      '2 exposed mysql',
    ]);
  });
});

describe('security/php/database', () => {
  it('reads Laravel config, Eloquent models and PDO', async () => {
    expect(await databaseLines(phpDatabases, 'config/database.php', [
      '<?php',
      'return [',
      "    'default' => env('DB_CONNECTION', 'pgsql'),",
      "    'connections' => ['mysql' => ['driver' => 'mysql']],",
      '];',
    ])).toEqual(['3 eloquent postgresql']);
    expect(await databaseLines(phpDatabases, 'app/Models/User.php', [
      '<?php',
      'namespace App\\Models;',
      'use Illuminate\\Database\\Eloquent\\Model;',
      'class User extends Model {}',
      "\\$pdo = new PDO('mysql:host=localhost;dbname=app', \\$u, \\$p);",
    ])).toEqual([
      '3 eloquent -',
      '5 pdo mysql',
    ]);
  });
});

describe('security/csharp/database', () => {
  it('reads EF Core providers, DbContext and Dapper connections', async () => {
    expect(await databaseLines(csharpDatabases, 'src/Api/Data.cs', [
      'using Dapper;',
      'public class AppDb : DbContext { }',
      'public static class Setup {',
      '  public static void Add(IServiceCollection s) {',
      '    s.AddDbContext<AppDb>(o => o.UseNpgsql(cs));',
      '    using var conn = new SqlConnection(cs);',
      '  }',
      '}',
    ])).toEqual([
      '1 dapper -',
      '2 efcore -',
      '5 efcore postgresql',
      '6 ado.net mssql',
    ]);
  });
});

describe('security/rust/database', () => {
  it('reads sqlx with its engine types and diesel', async () => {
    expect(await databaseLines(rustDatabases, 'src/db.rs', [
      'use sqlx::postgres::PgPoolOptions;',
      'use sqlx::PgPool;',
      'pub async fn pool(url: &str) -> PgPool { PgPoolOptions::new().connect(url).await.unwrap() }',
    ])).toEqual(['1 sqlx postgresql']);
    expect(await databaseLines(rustDatabases, 'src/schema.rs', [
      'use diesel::prelude::*;',
      'fn conn() -> SqliteConnection { SqliteConnection::establish("db.sqlite").unwrap() }',
    ])).toEqual(['1 diesel sqlite']);
  });
});

describe('security/scala/database', () => {
  it('reads Slick profiles and doobie driver classes', async () => {
    expect(await databaseLines(scalaDatabases, 'app/Db.scala', [
      'import slick.jdbc.PostgresProfile.api._',
      'import doobie._',
      'object Db {',
      '  val xa = Transactor.fromDriverManager[IO]("org.postgresql.Driver", "jdbc:postgresql:app", "u", "")',
      '}',
    ])).toEqual([
      '1 slick postgresql',
      '2 doobie -',
      '4 doobie postgresql',
    ]);
  });
});
