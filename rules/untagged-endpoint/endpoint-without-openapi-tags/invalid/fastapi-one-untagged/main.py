from fastapi import APIRouter, FastAPI

app = FastAPI()
books = APIRouter(prefix="/books", tags=["books"])


@books.get("")
def list_books():
    return []


# expect: endpoint-without-openapi-tags
@app.get("/authors")
def list_authors():
    return []


@app.get("/health")
def health():
    return {"ok": True}


app.include_router(books)
