var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// expect: debug-mode-enabled
app.UseDeveloperExceptionPage();
app.MapGet("/health", () => "ok");
app.Run();
