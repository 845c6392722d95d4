package main

import "os"

const jwtSecretEnv = "JWT_SECRET"

type Config struct {
	JWTSecret string
	Password  string
}

func load() Config {
	return Config{
		JWTSecret: os.Getenv(jwtSecretEnv),
		Password:  os.Getenv("DB_PASSWORD"),
	}
}

func sign(key []byte) []byte {
	return key
}

var passwordField = "password"
var apiKey = "changeme"
