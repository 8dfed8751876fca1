using System.Net;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Customers.CustomerSeed;

namespace Omni.IntegrationTests.Customers;

/// <summary>Every customer endpoint answers bad input with problem details and changes nothing.</summary>
public abstract class CustomersBadInputTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    private static async Task Invalid(HttpResponseMessage response, string field)
    {
        var problem = await response.Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on '{field}': {problem}");
    }

    [Fact]
    public async Task Resolving_without_a_usable_identity_is_refused_per_field()
    {
        await Invalid(await _client.PostJson("/api/v1/customers", new { name = "Nobody" }), "email");
        await Invalid(await _client.PostJson("/api/v1/customers", new { email = "not-an-email" }), "email");
        await Invalid(await _client.PostJson("/api/v1/customers", new { phone = "12" }), "phone");
        await Invalid(await _client.PostJson("/api/v1/customers", new { deviceIds = new[] { "has space" } }), "deviceIds[0]");
        await (await _client.SendRaw(HttpMethod.Post, "/api/v1/customers", "{\"email\": 12}")).Problem(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Unknown_customers_are_not_found_everywhere()
    {
        var unknown = Guid.NewGuid();
        await (await _client.GetAsync($"/api/v1/customers/{unknown}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/api/v1/customers/{unknown}/loyalty")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/api/v1/customers/{unknown}/consents")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/api/v1/customers/{unknown}/export")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PostAsync($"/api/v1/customers/{unknown}/erase", null)).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PostJson($"/api/v1/customers/{unknown}/devices", new { deviceId = "D-1" })).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PostJson($"/api/v1/customers/{unknown}/consents", new { purpose = "email", granted = true, channel = "web" })).Problem(HttpStatusCode.NotFound, "not_found");
        var known = await Resolve(_client, new { email = Email() });
        await (await _client.PostJson($"/api/v1/customers/{known}/merge", new { from = unknown })).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Merges_consents_devices_and_searches_check_their_input()
    {
        var id = await Resolve(_client, new { email = Email() });
        await Invalid(await _client.PostJson($"/api/v1/customers/{id}/merge", new { }), "from");
        await Invalid(await _client.PostJson($"/api/v1/customers/{id}/merge", new { from = id }), "from");
        await Invalid(await _client.PostJson($"/api/v1/customers/{id}/consents", new { granted = true, channel = "web" }), "purpose");
        await Invalid(await _client.PostJson($"/api/v1/customers/{id}/consents", new { purpose = "sms", granted = true, channel = "web", occurredAt = DateTime.UtcNow.AddDays(1) }), "occurredAt");
        await (await _client.PostJson($"/api/v1/customers/{id}/consents", new { purpose = "fax", granted = true, channel = "web" })).Problem(HttpStatusCode.BadRequest, "malformed_request");
        await Invalid(await _client.PostJson($"/api/v1/customers/{id}/devices", new { }), "deviceId");
        await Invalid(await _client.GetAsync("/api/v1/customers"), "email");
        await Invalid(await _client.GetAsync("/api/v1/customers?email=a@b.co&q=ana"), "email");
        await Invalid(await _client.GetAsync("/api/v1/customers?phone=abc"), "phone");
        await Invalid(await _client.GetAsync("/api/v1/customers?q=a"), "q");
        await Invalid(await _client.GetAsync("/api/v1/customers?q=ana&limit=0"), "limit");
        Assert.Empty((await (await _client.GetAsync($"/api/v1/customers/{id}/consents")).Json(HttpStatusCode.OK)).GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Interaction_batches_are_checked_item_by_item_and_refused_whole()
    {
        var device = OmniFactory.Unique("DEV");
        var now = DateTime.UtcNow;
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = Array.Empty<object>() }), "items");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = Enumerable.Range(0, 1001).Select(_ => Viewed(device, "S", now)).ToArray() }), "items");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = new object[] { Viewed(device, "S", now), new { type = "teleported", deviceId = device, channel = "web", occurredAt = now } } }), "items[1].type");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = new[] { new { type = "searched", channel = "web", occurredAt = now } } }), "items[0].deviceId");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = new[] { new { type = "searched", deviceId = device, channel = "web", occurredAt = now.AddHours(1) } } }), "items[0].occurredAt");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = new[] { new { type = "searched", deviceId = device, channel = "web", occurredAt = now, payload = new[] { 1 } } } }), "items[0].payload");
        await Invalid(await _client.PostJson("/api/v1/interactions", new { items = new[] { Viewed(device, "S", now, Guid.NewGuid()) } }), "items[0].customerId");

        var customer = await Resolve(_client, new { email = Email() });
        var linked = await (await _client.PostJson($"/api/v1/customers/{customer}/devices", new { deviceId = device })).Json(HttpStatusCode.OK);
        Assert.Equal(0, linked.GetProperty("interactionsJoined").GetInt32());
    }
}

public sealed class CustomersBadInputTests_Sqlite(SqliteOmni omni) : CustomersBadInputTests(omni), IClassFixture<SqliteOmni>;

public sealed class CustomersBadInputTests_Postgres(PostgresOmni omni) : CustomersBadInputTests(omni), IClassFixture<PostgresOmni>;
