import os
from datetime import datetime, timedelta, timezone

import jwt


def access_token(user_id):
    to_encode = {"sub": str(user_id)}
    to_encode.update({"exp": datetime.now(tz=timezone.utc) + timedelta(minutes=15)})
    return jwt.encode(to_encode, os.environ["JWT_KEY"], algorithm="HS256")
