from flask import Flask

# expect: missing-health-endpoint
app = Flask(__name__)


@app.route("/notes", methods=["GET", "POST"])
def notes():
    return []


if __name__ == "__main__":
    app.run(port=8000)
