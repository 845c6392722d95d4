module example.com/catalog

go 1.22

require github.com/gin-contrib/cors v1.7.2
