from fastapi import FastAPI, Request
from slowapi import Limiter
from slowapi.util import get_remote_address

limiter = Limiter(key_func=get_remote_address)
app = FastAPI()
app.state.limiter = limiter


@app.post("/login")
@limiter.limit("5/minute")
def login(request: Request):
    return {"token": "x"}
