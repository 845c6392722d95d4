from flask import Flask

app = Flask(__name__)

HELP = "write backend-review-ignore <rule-id>: <reason> above the line"  # see the backend-review-ignore docs


@app.get("/health")
def health():
    return HELP
