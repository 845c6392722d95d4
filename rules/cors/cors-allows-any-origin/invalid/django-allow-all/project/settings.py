INSTALLED_APPS = ["corsheaders", "django.contrib.auth"]
MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware"]
# expect: cors-allows-any-origin
CORS_ALLOW_ALL_ORIGINS = True
