package main

import "github.com/gin-gonic/gin"

func main() {
	// expect: debug-mode-enabled
	gin.SetMode(gin.DebugMode)
	r := gin.Default()
	r.Run(":8080")
}
