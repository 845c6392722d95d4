using System.Threading.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("login", opt => { opt.PermitLimit = 5; opt.Window = TimeSpan.FromMinutes(1); }));
var app = builder.Build();
app.UseRateLimiter();
app.MapPost("/account/login", () => Results.Ok()).RequireRateLimiting("login");
app.Run();
