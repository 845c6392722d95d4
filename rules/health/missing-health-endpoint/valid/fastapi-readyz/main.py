from fastapi import APIRouter, FastAPI

app = FastAPI()
probes = APIRouter(prefix="/probes")


@probes.get("/readyz")
def ready():
    return {"ready": True}


@app.get("/items")
def items():
    return []


app.include_router(probes)
