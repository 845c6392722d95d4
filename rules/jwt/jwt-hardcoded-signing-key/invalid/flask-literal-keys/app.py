import datetime

import jwt
from flask import Flask

app = Flask(__name__)
# expect: jwt-hardcoded-signing-key
app.config["JWT_SECRET_KEY"] = "change-me-later"


def issue(user_id):
    payload = {"sub": user_id, "exp": datetime.datetime.utcnow() + datetime.timedelta(minutes=30)}
    # expect: jwt-hardcoded-signing-key
    return jwt.encode(payload, "s3cr3t-key", algorithm="HS256")
