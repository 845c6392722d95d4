import hashlib


def content_address(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def cache_key(url):
    key = hashlib.sha1(url.encode()).hexdigest()
    return f"page:{key}"


def gravatar_url(email):
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"
