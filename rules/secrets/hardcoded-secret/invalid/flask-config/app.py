import jwt
from flask import Flask

app = Flask(__name__)
# expect: hardcoded-secret
app.config["SECRET_KEY"] = "flask-signing-key-2024"
app.config["DEBUG"] = False

# expect: hardcoded-secret
SIGNING_KEY = "unused-but-committed-key"


def make_token(payload):
    # expect: hardcoded-secret
    return jwt.encode(payload, "secret", algorithm="HS256")
