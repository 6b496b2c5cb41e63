using CoffeeShop.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

// Only Development loads the static web assets manifest by itself; without it, a build run in any other
// environment (Testing, a local Production check) answers compressed asset requests with an empty 200.
// A published app has no manifest, so there this is a no-op.
builder.WebHost.UseStaticWebAssets();

builder.AddCoffeeShopLogging();
builder.Services.AddCoffeeShopApplication(builder.Configuration, builder.Environment);
builder.Services.AddCoffeeShopSecurity(builder.Configuration, builder.Environment);
builder.Services.AddCoffeeShopScaleOut(builder.Configuration);
builder.Services.AddCoffeeShopRateLimiting(builder.Configuration);
builder.Services.AddCoffeeShopWeb(builder.Configuration);
builder.Services.AddCoffeeShopApiDocumentation();
builder.Services.AddCoffeeShopForwardedHeaders(builder.Configuration);
builder.Services.AddCoffeeShopMonitoring(builder.Configuration);
builder.Services.AddCoffeeShopWarmUp(builder.Configuration);
builder.Services.AddCoffeeShopLiveUpdates(builder.Configuration);
builder.AddCoffeeShopGrpc();
builder.Services.AddCoffeeShopGraphQL(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.InitializeDatabaseAsync();
app.UseCoffeeShopPipeline();
app.MapCoffeeShopEndpoints();
app.LogUrlsOnStart();

await app.RunAsync();

/// <summary>The entry point; public so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
