var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
    options.AddDefaultPolicy(policy => policy
        // expect: cors-reflects-request-origin
        .SetIsOriginAllowed(_ => true)
        .AllowCredentials()));
var app = builder.Build();
app.UseCors();
app.Run();
