package main

import (
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	r.Use(cors.New(cors.Config{
		// expect: cors-reflects-request-origin
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	}))
	r.Run()
}
