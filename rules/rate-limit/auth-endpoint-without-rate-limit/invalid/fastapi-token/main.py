from fastapi import APIRouter, FastAPI

app = FastAPI()
auth = APIRouter(prefix="/auth")


# expect: auth-endpoint-without-rate-limit
@auth.post("/token")
def issue_token():
    return {"access_token": "x"}


@auth.post("/logout")
def logout():
    return {}


app.include_router(auth)
