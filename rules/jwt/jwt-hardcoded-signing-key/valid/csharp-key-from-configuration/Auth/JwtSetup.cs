using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Auth;

public static class JwtSetup
{
    public static SecurityKey Key(IConfiguration configuration) =>
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!));
}
