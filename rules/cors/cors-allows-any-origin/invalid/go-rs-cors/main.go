package main

import (
	"net/http"

	"github.com/rs/cors"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/products", listProducts)
	// expect: cors-allows-any-origin
	handler := cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}).Handler(mux)
	http.ListenAndServe(":8080", handler)
}

func listProducts(w http.ResponseWriter, r *http.Request) {
	// expect: cors-allows-any-origin
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Write([]byte("[]"))
}
