using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Identity;

public abstract class ApiKeyTests(OmniFactory omni)
{
    private readonly HttpClient _admin = omni.Admin();

    private async Task<(string Id, string Key, JsonElement Body)> CreateKey(string[] scopes, string? storeCode = null)
    {
        var body = await (await _admin.PostJson("/api/v1/api-keys", new { name = FactoryName(), scopes, storeCode })).Json(HttpStatusCode.Created);
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!, body);
    }

    private static string FactoryName() => OmniFactory.Unique("test key");

    [Fact]
    public async Task A_request_without_a_key_is_an_unauthorized_problem()
    {
        var response = await omni.ClientWithKey(null).GetAsync("/api/v1/events");
        await response.Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("omni_thisKeyWasNeverIssued0123456789abcdefghijk")]
    [InlineData("short")]
    public async Task An_unknown_key_is_an_unauthorized_problem(string key)
    {
        await (await omni.ClientWithKey(key).GetAsync("/api/v1/events")).Problem(HttpStatusCode.Unauthorized, "unauthorized");
        // Twice: the second answer comes from the cache of unknown keys and must be the same.
        await (await omni.ClientWithKey(key).GetAsync("/api/v1/events")).Problem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_bootstrap_admin_key_works_and_is_listed_without_its_secret()
    {
        var me = await (await _admin.GetAsync("/api/v1/api-keys/current")).Json(HttpStatusCode.OK);
        Assert.Equal(["admin"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(OmniFactory.AdminKey[..12], me.GetProperty("prefix").GetString());

        var list = await _admin.GetAsync("/api/v1/api-keys");
        var text = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(OmniFactory.AdminKey, text, StringComparison.Ordinal);
        Assert.Contains(OmniFactory.AdminKey[..12], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_key_is_shown_once_and_works_with_its_scopes()
    {
        var (id, key, body) = await CreateKey(["orders", "read"]);
        Assert.StartsWith("omni_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 40);
        Assert.Equal(key[..12], body.GetProperty("prefix").GetString());

        var me = await (await omni.ClientWithKey(key).GetAsync("/api/v1/api-keys/current")).Json(HttpStatusCode.OK);
        Assert.Equal(id, me.GetProperty("keyId").GetString());
        Assert.Equal(body.GetProperty("name").GetString(), me.GetProperty("name").GetString());
        Assert.Equal(["orders", "read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("storeCode").ValueKind);

        var listed = await (await _admin.GetAsync($"/api/v1/api-keys/{id}")).Json(HttpStatusCode.OK);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.True(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_key_without_the_scope_is_a_forbidden_problem_but_may_read()
    {
        var (_, key, _) = await CreateKey(["read"]);
        var client = omni.ClientWithKey(key);
        await (await client.PostJson("/api/v1/api-keys", new { name = "x", scopes = new[] { "read" } })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync("/api/v1/api-keys")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (id, key, _) = await CreateKey(["inventory"]);
        var client = omni.ClientWithKey(key);
        await (await client.GetAsync("/api/v1/events")).Json(HttpStatusCode.OK);

        var revoked = await (await _admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).Json(HttpStatusCode.OK);
        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);

        await (await client.GetAsync("/api/v1/events")).Problem(HttpStatusCode.Unauthorized, "unauthorized");
        // Revoking again is harmless and keeps the first time.
        var again = await (await _admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).Json(HttpStatusCode.OK);
        Assert.Equal(revoked.GetProperty("revokedAt").GetString(), again.GetProperty("revokedAt").GetString());
    }

    [Fact]
    public async Task A_store_bound_key_carries_its_store()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var (_, key, body) = await CreateKey(["orders"], store.ToLowerInvariant());
        Assert.Equal(store, body.GetProperty("storeCode").GetString());

        var me = await (await omni.ClientWithKey(key).GetAsync("/api/v1/api-keys/current")).Json(HttpStatusCode.OK);
        Assert.Equal(store, me.GetProperty("storeCode").GetString());
        Assert.Equal(["orders"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_invalid_key_request_is_answered_with_per_field_errors()
    {
        var problem = await (await _admin.PostJson("/api/v1/api-keys", new { name = "", scopes = new[] { "admin", "everything" }, storeCode = "STORE-1" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("everything", errors.GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("storeCode", out _));

        var noScopes = await (await _admin.PostJson("/api/v1/api-keys", new { name = "pos", storeCode = "bad code!" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noScopes.GetProperty("errors").TryGetProperty("scopes", out _));
        Assert.True(noScopes.GetProperty("errors").TryGetProperty("storeCode", out _));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_not_found()
    {
        await (await _admin.PostAsync($"/api/v1/api-keys/{Guid.NewGuid()}/revoke", null)).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked()
    {
        var (secondAdmin, secondKey, _) = await CreateKey(["admin"]);
        var keys = await (await _admin.GetAsync("/api/v1/api-keys")).Json(HttpStatusCode.OK);
        var bootstrap = keys.GetProperty("items").EnumerateArray()
            .Single(k => k.GetProperty("prefix").GetString() == OmniFactory.AdminKey[..12]).GetProperty("id").GetString();
        foreach (var other in keys.GetProperty("items").EnumerateArray())
        {
            var id = other.GetProperty("id").GetString();
            if (id != bootstrap && other.GetProperty("active").GetBoolean() && other.GetProperty("scopes").EnumerateArray().Any(s => s.GetString() == "admin"))
                await (await _admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).Json(HttpStatusCode.OK);
        }

        await (await _admin.PostAsync($"/api/v1/api-keys/{bootstrap}/revoke", null)).Problem(HttpStatusCode.Conflict, "last_admin_key");
        await (await omni.ClientWithKey(secondKey).GetAsync("/api/v1/events")).Problem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.NotNull(secondAdmin);
    }
}

public sealed class ApiKeyTests_Sqlite(SqliteOmni omni) : ApiKeyTests(omni), IClassFixture<SqliteOmni>;

public sealed class ApiKeyTests_Postgres(PostgresOmni omni) : ApiKeyTests(omni), IClassFixture<PostgresOmni>;
