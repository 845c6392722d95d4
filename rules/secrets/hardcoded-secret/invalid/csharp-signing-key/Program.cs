using System.Text;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);
// expect: hardcoded-secret
var issuerSecret = Environment.GetEnvironmentVariable("ISSUER_SECRET") ?? "library-issuer-secret";
builder.Services.AddAuthentication().AddJwtBearer(options =>
{
    options.TokenValidationParameters = new TokenValidationParameters
    {
        // expect: hardcoded-secret
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("library-signing-key-0123456789")),
    };
});
var app = builder.Build();
app.MapGet("/books", () => Results.Ok());
app.Run();

static class Keys
{
    // expect: hardcoded-secret
    public const string ApiKey = "lib-8Hq3Zm7Wx2Rt5Vp";
}
