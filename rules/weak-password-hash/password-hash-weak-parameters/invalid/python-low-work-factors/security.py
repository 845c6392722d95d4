import hashlib

import bcrypt
from argon2 import PasswordHasher
from passlib.context import CryptContext

# expect: password-hash-weak-parameters
ph = PasswordHasher(time_cost=1, memory_cost=8192)
# expect: password-hash-weak-parameters
pwd_context = CryptContext(schemes=["pbkdf2_sha256"], pbkdf2_sha256__rounds=29000)


def hash_password(password):
    # expect: password-hash-weak-parameters
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=6))


def derive(password, salt):
    # expect: password-hash-weak-parameters
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100000)
