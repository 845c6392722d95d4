var builder = WebApplication.CreateBuilder(args);
var trusted = new[] { "https://shop.example.org" };
builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(origin => trusted.Contains(origin)).AllowCredentials()));
var app = builder.Build();
app.UseCors();
app.Run();
