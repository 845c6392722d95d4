import os

import jwt

ALLOWED = ["HS256", "none"]


def read_token(token):
    # expect: jwt-none-algorithm-accepted
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=ALLOWED)
