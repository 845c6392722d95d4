from werkzeug.security import check_password_hash, generate_password_hash


def register(user, password):
    # expect: password-hash-not-argon2id
    user.password_hash = generate_password_hash(password)


def login(user, password):
    return check_password_hash(user.password_hash, password)
