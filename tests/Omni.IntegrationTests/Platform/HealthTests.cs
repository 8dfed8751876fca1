using System.Net;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Platform;

public abstract class HealthTests(OmniFactory omni)
{
    [Fact]
    public async Task Ready_and_live_answer_without_a_key()
    {
        var client = omni.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served()
    {
        var document = await (await omni.ClientWithKey(null).GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
    }
}

public sealed class HealthTests_Sqlite(SqliteOmni omni) : HealthTests(omni), IClassFixture<SqliteOmni>;

public sealed class HealthTests_Postgres(PostgresOmni omni) : HealthTests(omni), IClassFixture<PostgresOmni>;
