package accounts

import (
	"crypto/sha256"
	"encoding/hex"
)

func HashPassword(password string) string {
	// expect: password-hashed-with-fast-hash
	sum := sha256.Sum256([]byte(password))
	return hex.EncodeToString(sum[:])
}
