using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public static class JwtSetup
{
    public static TokenValidationParameters Parameters(SecurityKey key) => new TokenValidationParameters
    {
        IssuerSigningKey = key,
        // expect: jwt-none-algorithm-accepted
        RequireSignedTokens = false,
    };
}
