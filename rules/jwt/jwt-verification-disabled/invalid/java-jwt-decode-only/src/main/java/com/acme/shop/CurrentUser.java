package com.acme.shop;

import com.auth0.jwt.JWT;

public class CurrentUser {
    public String id(String authorization) {
        String token = authorization.substring("Bearer ".length());
        // expect: jwt-verification-disabled
        return JWT.decode(token).getSubject();
    }
}
