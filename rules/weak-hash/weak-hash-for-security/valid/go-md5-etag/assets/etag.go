package assets

import (
	"crypto/md5"
	"fmt"
)

func Etag(content []byte) string {
	return fmt.Sprintf("%x", md5.Sum(content))
}
