using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Identity;

public abstract class RateLimitTests(OmniFactory omni)
{
    [Fact]
    public async Task A_key_over_its_limit_gets_a_rate_limited_problem_and_other_keys_do_not()
    {
        var other = await (await omni.Admin().PostJson("/api/v1/api-keys", new { name = "other", scopes = new[] { "read" } })).Json(HttpStatusCode.Created);

        // Another server on the same database with a tiny limit: the defaults are far too generous to reach in a test.
        await using var limited = omni.WithWebHostBuilder(b => b
            .UseSetting("Omni:RateLimit:PermitLimit", "3")
            .UseSetting("Omni:RateLimit:WindowSeconds", "60"));
        HttpClient ClientWith(string key)
        {
            var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }

        var admin = ClientWith(OmniFactory.AdminKey);
        for (var i = 0; i < 3; i++) await (await admin.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK);
        var rejected = await admin.GetAsync("/api/v1/events");
        await rejected.Problem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(rejected.Headers.RetryAfter is not null);

        await (await ClientWith(other.GetProperty("key").GetString()!).GetAsync("/api/v1/events")).Json(HttpStatusCode.OK);
    }
}

public sealed class RateLimitTests_Sqlite(SqliteOmni omni) : RateLimitTests(omni), IClassFixture<SqliteOmni>;

public sealed class RateLimitTests_Postgres(PostgresOmni omni) : RateLimitTests(omni), IClassFixture<PostgresOmni>;
