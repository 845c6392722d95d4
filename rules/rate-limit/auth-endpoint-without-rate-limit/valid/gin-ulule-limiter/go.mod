module example.com/members

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/ulule/limiter/v3 v3.11.2
)
