import os

import jwt


def access_token(user_id):
    payload = {"sub": str(user_id), "scope": "api"}
    # expect: jwt-without-expiry
    return jwt.encode(payload, os.environ["JWT_KEY"], algorithm="HS256")


def claims(token):
    # expect: jwt-without-expiry
    return jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"], options={"verify_exp": False})
