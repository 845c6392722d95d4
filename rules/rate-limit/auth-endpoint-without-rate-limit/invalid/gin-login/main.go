package main

import "github.com/gin-gonic/gin"

func main() {
	r := gin.Default()
	auth := r.Group("/auth")
	// expect: auth-endpoint-without-rate-limit
	auth.POST("/login", login)
	// expect: auth-endpoint-without-rate-limit
	auth.POST("/password/reset", resetPassword)
	r.GET("/members", listMembers)
	r.Run()
}

func login(c *gin.Context)         {}
func resetPassword(c *gin.Context) {}
func listMembers(c *gin.Context)   {}
