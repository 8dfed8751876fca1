using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Http;
using Omni.Server;
using Omni.Server.Demo;
using Omni.Web;
using Scalar.AspNetCore;

// --seed-demo is a switch of ours, not a configuration key: keep it away from the command-line configuration provider.
const string SeedDemo = "--seed-demo";
var builder = WebApplication.CreateBuilder(args.Where(a => a != SeedDemo).ToArray());
var database = DatabaseOptions.From(builder.Configuration);

builder.Services.AddOmniDatabase(database);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => OmniJson.Configure(o.SerializerOptions));
// Binding failures (malformed JSON, wrong types) become exceptions so the problem-details handler answers them with a code.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOmniProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddOmniModules(database);
builder.Services.AddOmniWeb();
// The web apps' CSS and scripts live in Omni.Web's wwwroot. ASP.NET Core maps them from the build output only in the
// Development environment by default; `dotnet run` and the tests run in others (a published build has them in place).
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);

var app = builder.Build();

await app.Services.MigrateOmniDatabaseAsync();
if (args.Contains(SeedDemo))
{
    await DemoRetailer.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
    await DemoUsers.SeedAsync(app.Services, app.Lifetime.ApplicationStopping);
}

app.UseOmniProblemDetails();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapOmniWeb();
app.MapGroup("/api/v1").RequireAuthorization(Omni.Identity.IdentityModule.ApiPolicy).MapOmniModules();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
