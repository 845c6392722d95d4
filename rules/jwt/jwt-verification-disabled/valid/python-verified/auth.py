import os

import jwt


def current_user_id(token):
    claims = jwt.decode(token, os.environ["JWT_KEY"], algorithms=["HS256"], options={"verify_signature": True})
    return claims["sub"]
