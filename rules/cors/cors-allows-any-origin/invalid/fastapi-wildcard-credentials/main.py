from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()

app.add_middleware(
    CORSMiddleware,
    # expect: cors-allows-any-origin
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
)


@app.get("/items")
def list_items():
    return []
