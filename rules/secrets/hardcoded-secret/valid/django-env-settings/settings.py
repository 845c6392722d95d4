import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DEBUG", "false") == "true"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("DB_PASSWORD"),
        "HOST": "db",
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
