from flask import Flask

app = Flask(__name__)


# expect: invalid-suppression
# backend-review-ignore hardcoded-secrets: typo in the rule id (it is hardcoded-secret)
API_KEY = "sk_live_0000000000000000"


@app.get("/health")
def health():
    return "ok"
