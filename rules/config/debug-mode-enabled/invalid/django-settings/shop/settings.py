import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# expect: debug-mode-enabled
DEBUG = True
ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "shop"]
ROOT_URLCONF = "shop.urls"
