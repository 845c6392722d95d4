module example.com/shop

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/crypto v0.25.0
)
