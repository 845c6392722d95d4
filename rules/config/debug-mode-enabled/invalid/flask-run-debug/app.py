from flask import Flask

app = Flask(__name__)
# expect: debug-mode-enabled
app.config["DEBUG"] = True


@app.get("/")
def index():
    return {"ok": True}


if __name__ == "__main__":
    # expect: debug-mode-enabled
    app.run(host="0.0.0.0", port=8000, debug=True)
