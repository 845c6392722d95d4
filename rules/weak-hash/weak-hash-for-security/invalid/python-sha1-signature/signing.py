import hashlib

from Crypto.Hash import MD4


def sign_request(body, secret):
    # expect: weak-hash-for-security
    signature = hashlib.sha1(secret + body).hexdigest()
    return signature


def legacy_key(data):
    # expect: weak-hash-for-security
    return MD4.new(data).hexdigest()
