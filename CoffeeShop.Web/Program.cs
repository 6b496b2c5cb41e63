using CoffeeShop.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddCoffeeShopLogging();
builder.Services.AddCoffeeShopApplication(builder.Configuration, builder.Environment);
builder.Services.AddCoffeeShopSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCoffeeShopRateLimiting(builder.Configuration);
builder.Services.AddCoffeeShopWeb(builder.Configuration);
builder.Services.AddCoffeeShopApiDocumentation();
builder.Services.AddCoffeeShopForwardedHeaders(builder.Configuration);

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UseCoffeeShopPipeline();
app.MapCoffeeShopEndpoints();
app.LogUrlsOnStart();

await app.RunAsync();

/// <summary>The entry point; public so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
