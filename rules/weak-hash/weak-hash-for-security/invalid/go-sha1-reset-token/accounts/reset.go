package accounts

import (
	"crypto/sha1"
	"encoding/hex"
)

func ResetToken(email string, nonce string) string {
	// expect: weak-hash-for-security
	sum := sha1.Sum([]byte(email + nonce))
	return hex.EncodeToString(sum[:])
}
