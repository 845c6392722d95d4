import os

import jwt
from flask import Flask

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]


def check(token):
    return jwt.decode(token, app.config["JWT_SECRET_KEY"], algorithms=["HS256"])
