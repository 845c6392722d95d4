package accounts

import "golang.org/x/crypto/bcrypt"

const cost = 6

func HashPassword(password string) ([]byte, error) {
	// expect: password-hash-weak-parameters
	return bcrypt.GenerateFromPassword([]byte(password), cost)
}
