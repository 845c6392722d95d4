import hashlib

from argon2 import PasswordHasher

ph = PasswordHasher()


def set_password(user, password):
    user.password_hash = ph.hash(password)


def file_checksum(path):
    with open(path, "rb") as fh:
        return hashlib.sha1(fh.read()).hexdigest()
