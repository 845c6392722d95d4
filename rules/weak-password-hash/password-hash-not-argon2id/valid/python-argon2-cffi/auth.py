from argon2 import PasswordHasher

hasher = PasswordHasher()


def register(user, password):
    user.password_hash = hasher.hash(password)
