package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func Issue(userID string) (string, error) {
	// expect: jwt-without-expiry
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": userID})
	return token.SignedString([]byte(os.Getenv("JWT_SECRET")))
}
