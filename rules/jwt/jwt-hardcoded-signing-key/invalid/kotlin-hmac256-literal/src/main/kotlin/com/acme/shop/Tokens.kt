package com.acme.shop

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import java.util.Date

class Tokens {
    fun issue(userId: String): String = JWT.create()
        .withSubject(userId)
        .withExpiresAt(Date(System.currentTimeMillis() + 900_000))
        // expect: jwt-hardcoded-signing-key
        .sign(Algorithm.HMAC256("change-this-secret"))
}
