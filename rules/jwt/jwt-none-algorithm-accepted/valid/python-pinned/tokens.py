import os

import jwt


def read_token(token):
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"])
