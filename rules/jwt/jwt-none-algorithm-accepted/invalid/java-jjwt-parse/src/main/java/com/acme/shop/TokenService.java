package com.acme.shop;

import io.jsonwebtoken.Jwts;
import java.security.Key;

public class TokenService {
    private final Key key;

    public TokenService(Key key) {
        this.key = key;
    }

    public Object claims(String token) {
        // expect: jwt-none-algorithm-accepted
        return Jwts.parser().setSigningKey(key).parse(token).getBody();
    }
}
