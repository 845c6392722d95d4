package main

import (
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	// expect: cors-allows-any-origin
	r.Use(cors.Default())
	r.GET("/products", func(c *gin.Context) { c.JSON(200, []string{}) })
	r.Run()
}
