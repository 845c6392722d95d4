import hashlib


def set_password(user, raw_password):
    # expect: password-hashed-with-fast-hash
    user.password_hash = hashlib.sha1(raw_password.encode()).hexdigest()


def verify(user, candidate):
    h = hashlib.md5()
    h.update(candidate.encode())
    # the digest is compared with the stored password hash
    # expect: password-hashed-with-fast-hash
    return hashlib.sha512(candidate.encode()).hexdigest() == user.password_hash
