import jwt


def test_unsigned_token_is_rejected(client):
    # A test forges an unsigned token on purpose: reported as a note, not an error.
    # expect: jwt-none-algorithm-accepted
    forged = jwt.encode({"sub": "admin"}, None, algorithm="none")
    response = client.get("/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
