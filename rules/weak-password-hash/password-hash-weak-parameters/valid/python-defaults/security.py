from argon2 import PasswordHasher
from werkzeug.security import generate_password_hash

ph = PasswordHasher()


def hash_password(password):
    return generate_password_hash(password, method="pbkdf2:sha256:600000")
