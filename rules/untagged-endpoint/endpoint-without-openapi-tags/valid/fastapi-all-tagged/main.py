from fastapi import APIRouter, FastAPI

app = FastAPI()
books = APIRouter(prefix="/books")


@books.get("", tags=["books"])
def list_books():
    return []


@app.get("/authors", tags=["authors"])
def list_authors():
    return []


app.include_router(books, tags=["catalogue"])
