package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func Verify(raw string) (*jwt.Token, error) {
	return jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(t *jwt.Token) (interface{}, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil
	})
}
