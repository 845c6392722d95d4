var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    // expect: cors-allows-any-origin
    options.AddDefaultPolicy(policy => policy.AllowAnyOrigin().AllowAnyHeader());
});
var app = builder.Build();
app.UseCors();
app.MapGet("/products", () => Results.Ok());
app.Run();
