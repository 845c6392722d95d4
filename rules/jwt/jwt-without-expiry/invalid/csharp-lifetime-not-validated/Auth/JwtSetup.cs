using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public static class JwtSetup
{
    public static TokenValidationParameters Parameters(SecurityKey key)
    {
        var parameters = new TokenValidationParameters { IssuerSigningKey = key };
        // expect: jwt-without-expiry
        parameters.ValidateLifetime = false;
        return parameters;
    }
}
