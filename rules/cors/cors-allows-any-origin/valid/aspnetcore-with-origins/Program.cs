var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
    options.AddPolicy("shop", policy => policy.WithOrigins("https://shop.example.org").AllowCredentials()));
var app = builder.Build();
app.UseCors("shop");
app.MapGet("/products", () => Results.Ok());
app.Run();
