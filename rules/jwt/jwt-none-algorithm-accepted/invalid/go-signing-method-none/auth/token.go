package auth

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func DebugToken(user string) (string, error) {
	// expect: jwt-none-algorithm-accepted
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()})
	// expect: jwt-none-algorithm-accepted
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
}
