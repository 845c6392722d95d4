import { describe, expect, it } from 'vitest';
import { goCors } from '../../../src/extract/security/go/cors.js';
import { corsLines } from './parse.js';

describe('security/go/cors', () => {
  it('knows rs/cors defaults, options and origin functions', async () => {
    expect(await corsLines(goCors, 'main.go', [
      'package main',
      'import "github.com/rs/cors"',
      'func main() {',
      '  a := cors.AllowAll()',
      '  b := cors.Default()',
      '  c := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})',
      '  d := cors.New(cors.Options{AllowedOrigins: []string{"https://app.example.org"}})',
      '  e := cors.New(cors.Options{AllowOriginFunc: func(origin string) bool { return true }, AllowCredentials: true})',
      '  f := cors.New(cors.Options{AllowCredentials: true})',
      '}',
    ])).toEqual([
      '4 rs/cors wildcard false',
      '5 rs/cors wildcard false',
      '6 rs/cors wildcard true',
      '7 rs/cors allowlist false',
      '8 rs/cors reflect-origin true',
      '9 rs/cors wildcard true',
    ]);
  });

  it('knows gin-contrib/cors, echo, fiber and gorilla handlers', async () => {
    expect(await corsLines(goCors, 'server.go', [
      'package server',
      'import (',
      '  "github.com/gin-contrib/cors"',
      '  "github.com/labstack/echo/v4/middleware"',
      '  fcors "github.com/gofiber/fiber/v2/middleware/cors"',
      '  "github.com/gorilla/handlers"',
      ')',
      'func setup() {',
      '  r.Use(cors.Default())',
      '  config := cors.DefaultConfig()',
      '  config.AllowAllOrigins = true',
      '  r.Use(cors.New(cors.Config{AllowOrigins: []string{"https://a.example.org"}, AllowCredentials: true}))',
      '  e.Use(middleware.CORS())',
      '  e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}}))',
      '  app.Use(fcors.New())',
      '  app.Use(fcors.New(fcors.Config{AllowOrigins: "https://a.example.org, https://b.example.org"}))',
      '  h := handlers.CORS(handlers.AllowedOrigins([]string{"*"}), handlers.AllowCredentials())',
      '}',
    ])).toEqual([
      '9 gin-contrib/cors wildcard false',
      '11 gin-contrib/cors wildcard null',
      '12 gin-contrib/cors allowlist true',
      '13 echo wildcard false',
      '14 echo wildcard false',
      '15 fiber/cors wildcard false',
      '16 fiber/cors allowlist false',
      '17 gorilla/handlers wildcard true',
    ]);
  });

  it('reads raw Access-Control-Allow-Origin writes', async () => {
    expect(await corsLines(goCors, 'mw.go', [
      'package mw',
      'func CORS(next http.Handler) http.Handler {',
      '  return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
      '    w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))',
      '    w.Header().Set("Access-Control-Allow-Credentials", "true")',
      '    next.ServeHTTP(w, r)',
      '  })',
      '}',
      'func Gin(c *gin.Context) {',
      '  c.Header("Access-Control-Allow-Origin", "*")',
      '  origin := c.GetHeader("Origin")',
      '  if allowed[origin] {',
      '    c.Header("Access-Control-Allow-Origin", origin)',
      '  }',
      '}',
    ])).toEqual([
      '4 header reflect-origin true',
      '10 header wildcard null',
      '13 header allowlist null',
    ]);
  });
});
