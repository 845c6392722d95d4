package accounts

import "golang.org/x/crypto/argon2"

func HashPassword(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, 2, 19*1024, 1, 32)
}
