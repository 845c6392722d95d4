import jwt

NO_CHECK = {"verify_signature": False}


def current_user_id(token):
    # expect: jwt-verification-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def tenant_of(token):
    # expect: jwt-verification-disabled
    return jwt.decode(token, options=NO_CHECK)["tenant"]
