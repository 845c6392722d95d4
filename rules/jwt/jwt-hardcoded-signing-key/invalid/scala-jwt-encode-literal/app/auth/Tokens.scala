package auth

import pdi.jwt.{Jwt, JwtAlgorithm, JwtClaim}

object Tokens {
  def issue(claim: JwtClaim): String =
    // expect: jwt-hardcoded-signing-key
    Jwt.encode(claim, "hardcoded-secret", JwtAlgorithm.HS256)
}
