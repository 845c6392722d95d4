from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

middleware = [
    Middleware(
        CORSMiddleware,
        # expect: cors-permissive-origin-regex
        allow_origin_regex=r"https://[a-z]+.example.org",
    )
]
app = Starlette(middleware=middleware)
