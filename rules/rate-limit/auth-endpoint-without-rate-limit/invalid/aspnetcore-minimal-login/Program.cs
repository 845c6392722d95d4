using System.Threading.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("search", opt => { opt.PermitLimit = 10; opt.Window = TimeSpan.FromSeconds(10); }));
var app = builder.Build();
app.UseRateLimiter();
// expect: auth-endpoint-without-rate-limit
app.MapPost("/account/login", () => Results.Ok());
app.MapGet("/search", () => Results.Ok()).RequireRateLimiting("search");
app.Run();
