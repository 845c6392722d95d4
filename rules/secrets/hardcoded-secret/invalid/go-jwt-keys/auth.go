package main

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// expect: hardcoded-secret
const sessionSecret = "n0tes-s3ssion-k3y-2024"

func getEnv(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func sign(claims jwt.MapClaims) (string, error) {
	// expect: hardcoded-secret
	refresh := getEnv("REFRESH_SECRET", "refresh-dev-secret")
	_ = refresh
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// expect: hardcoded-secret
	return token.SignedString([]byte("notes-signing-key"))
}
