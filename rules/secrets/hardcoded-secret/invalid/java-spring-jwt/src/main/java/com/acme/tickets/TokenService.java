package com.acme.tickets;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class TokenService {
    // expect: hardcoded-secret
    private static final String API_KEY = "tk-7Qm2Xr9Lw4Zp8Vn3";

    // expect: hardcoded-secret
    @Value("${tickets.jwt.secret:tickets-dev-secret}")
    private String jwtSecret;

    public String issue(String subject) {
        // expect: hardcoded-secret
        Algorithm algorithm = Algorithm.HMAC256("tickets-hmac-key");
        return JWT.create().withSubject(subject).sign(algorithm);
    }
}
