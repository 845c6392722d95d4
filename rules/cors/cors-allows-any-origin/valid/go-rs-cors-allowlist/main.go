package main

import (
	"net/http"

	"github.com/rs/cors"
)

func main() {
	mux := http.NewServeMux()
	c := cors.New(cors.Options{
		AllowedOrigins:   []string{"https://shop.example.org"},
		AllowCredentials: true,
	})
	http.ListenAndServe(":8080", c.Handler(mux))
}
