package main

import (
	"github.com/gin-gonic/gin"
	"github.com/ulule/limiter/v3"
	mgin "github.com/ulule/limiter/v3/drivers/middleware/gin"
	"github.com/ulule/limiter/v3/drivers/store/memory"
)

func main() {
	rate, _ := limiter.NewRateFromFormatted("5-M")
	instance := limiter.New(memory.NewStore(), rate)
	r := gin.Default()
	r.Use(mgin.NewMiddleware(instance))
	r.POST("/auth/login", login)
	r.Run()
}

func login(c *gin.Context) {}
