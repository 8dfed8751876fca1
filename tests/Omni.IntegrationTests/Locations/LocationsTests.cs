using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Errors;
using Omni.Contracts.Locations;
using Omni.IntegrationTests.Infrastructure;
using Omni.Locations.Data;

namespace Omni.IntegrationTests.Locations;

public abstract class LocationsTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    internal static Dictionary<string, object?> Body(string code, string type = "store", string[]? capabilities = null, int capacity = 200) => new()
    {
        ["code"] = code,
        ["name"] = "Paris Opéra",
        ["type"] = type,
        ["address"] = new Dictionary<string, object?> { ["line1"] = "1 Rue X", ["city"] = "Paris", ["postalCode"] = "75009", ["country"] = "FR" },
        ["latitude"] = 48.8719,
        ["longitude"] = 2.3316,
        ["timeZone"] = "Europe/Paris",
        ["capabilities"] = capabilities ?? ["ship", "pickup", "curbside", "returns", "shipToStore"],
        ["dailyOrderCapacity"] = capacity,
    };

    private async Task<JsonElement> Create(Dictionary<string, object?> body) =>
        await (await _client.PostJson("/api/v1/locations", body)).Json(HttpStatusCode.Created);

    private Task<int> CountEvents(string type, string code) => omni.InScope(sp =>
        sp.GetRequiredService<LocationsDbContext>().Outbox.CountAsync(e => e.Type == type && e.Data.Contains($"\"code\":\"{code}\"")));

    [Fact]
    public async Task Creating_a_location_answers_201_with_the_location_and_publishes_location_created()
    {
        var code = OmniFactory.Unique("STORE");
        var body = Body(code);
        body["openingHours"] = new[]
        {
            new { day = "monday", open = "09:00", close = "12:30" },
            new { day = "monday", open = "14:00", close = "19:00" },
            new { day = "sunday", open = "10:00", close = "24:00" },
        };
        var response = await _client.PostJson("/api/v1/locations", body);
        var location = await response.Json(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/locations/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, location.GetProperty("code").GetString());
        Assert.Equal("store", location.GetProperty("type").GetString());
        Assert.Equal("FR", location.GetProperty("address").GetProperty("country").GetString());
        Assert.Equal("Europe/Paris", location.GetProperty("timeZone").GetString());
        Assert.Equal(48.8719, location.GetProperty("latitude").GetDouble());
        Assert.Equal(["ship", "pickup", "curbside", "returns", "shipToStore"], location.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(200, location.GetProperty("dailyOrderCapacity").GetInt32());
        var hours = location.GetProperty("openingHours").EnumerateArray().ToList();
        Assert.Equal(3, hours.Count);
        Assert.Equal(("monday", "09:00"), (hours[0].GetProperty("day").GetString(), hours[0].GetProperty("open").GetString()));
        Assert.Equal("sunday", hours[2].GetProperty("day").GetString());
        Assert.Equal(1, await CountEvents("location.created", code));
    }

    [Fact]
    public async Task Codes_are_stored_upper_case_and_found_whatever_the_case()
    {
        var code = OmniFactory.Unique("store");
        var created = await Create(Body(code));
        Assert.Equal(code.ToUpperInvariant(), created.GetProperty("code").GetString());

        await (await _client.GetAsync($"/api/v1/locations/{code.ToLowerInvariant()}")).Json(HttpStatusCode.OK);
        await (await _client.GetAsync($"/api/v1/locations/{code.ToUpperInvariant()}")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_duplicate_code_is_409_duplicate_even_in_another_case()
    {
        var code = OmniFactory.Unique("STORE");
        await Create(Body(code));

        await (await _client.PostJson("/api/v1/locations", Body(code))).Problem(HttpStatusCode.Conflict, "duplicate");
        await (await _client.PostJson("/api/v1/locations", Body(code.ToLowerInvariant()))).Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task Racing_creations_of_one_code_make_one_201_and_the_rest_409_never_500()
    {
        var code = OmniFactory.Unique("RACE");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => omni.Admin().PostJson("/api/v1/locations", Body(code))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await conflict.Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task An_unknown_location_is_404_not_found()
    {
        await (await _client.GetAsync("/api/v1/locations/NOPE-404")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PutJson("/api/v1/locations/NOPE-404", Body("NOPE-404"))).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Reading_without_a_key_is_401()
    {
        var response = await omni.ClientWithKey(null).GetAsync("/api/v1/locations");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Updating_replaces_name_capabilities_hours_and_capacity()
    {
        var code = OmniFactory.Unique("STORE");
        await Create(Body(code));

        var body = Body(code.ToLowerInvariant(), capabilities: ["pickup"], capacity: 35);
        body["name"] = "Paris Opéra (renovated)";
        body["openingHours"] = new[] { new { day = "saturday", open = "10:00", close = "18:00" } };
        var updated = await (await _client.PutJson($"/api/v1/locations/{code}", body)).Json(HttpStatusCode.OK);

        Assert.Equal("Paris Opéra (renovated)", updated.GetProperty("name").GetString());
        var fetched = await (await _client.GetAsync($"/api/v1/locations/{code}")).Json(HttpStatusCode.OK);
        Assert.Equal(["pickup"], fetched.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(35, fetched.GetProperty("dailyOrderCapacity").GetInt32());
        Assert.Equal("saturday", fetched.GetProperty("openingHours")[0].GetProperty("day").GetString());
        Assert.Equal(1, await CountEvents("location.updated", code));
    }

    [Fact]
    public async Task Updating_with_another_code_in_the_body_is_400_and_changes_nothing()
    {
        var code = OmniFactory.Unique("STORE");
        await Create(Body(code));
        var body = Body(OmniFactory.Unique("OTHER"), capacity: 1);

        var problem = await (await _client.PutJson($"/api/v1/locations/{code}", body)).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        var fetched = await (await _client.GetAsync($"/api/v1/locations/{code}")).Json(HttpStatusCode.OK);
        Assert.Equal(200, fetched.GetProperty("dailyOrderCapacity").GetInt32());
    }

    [Fact]
    public async Task The_directory_sees_local_creations_and_updates_at_once()
    {
        var directory = omni.Services.GetRequiredService<ILocationDirectory>();
        await directory.AllAsync(CancellationToken.None); // warm the cache so the test proves invalidation
        var code = OmniFactory.Unique("DC");
        await Create(Body(code, type: "warehouse", capabilities: ["ship"], capacity: 5000));

        var all = await directory.AllAsync(CancellationToken.None);
        var snapshot = all[code.ToLowerInvariant()];
        Assert.Equal(LocationType.Warehouse, snapshot.Type);
        Assert.True(snapshot.Can(LocationCapability.Ship));
        Assert.False(snapshot.Can(LocationCapability.Pickup));
        Assert.Equal("FR", snapshot.Country);

        await (await _client.PutJson($"/api/v1/locations/{code}", Body(code, type: "warehouse", capabilities: ["ship", "returns"], capacity: 10))).Json(HttpStatusCode.OK);
        snapshot = (await directory.AllAsync(CancellationToken.None))[code];
        Assert.Equal(10, snapshot.DailyOrderCapacity);
        Assert.True(snapshot.Can(LocationCapability.Returns));
    }

    [Fact]
    public async Task Listing_filters_by_type_and_capability()
    {
        var store = OmniFactory.Unique("FILTER-STORE");
        var warehouse = OmniFactory.Unique("FILTER-DC");
        await Create(Body(store, capabilities: ["pickup", "curbside"]));
        await Create(Body(warehouse, type: "warehouse", capabilities: ["ship"]));

        var warehouses = await ListAll("type=warehouse");
        Assert.Contains(warehouse, warehouses.Select(l => l.GetProperty("code").GetString()));
        Assert.DoesNotContain(store, warehouses.Select(l => l.GetProperty("code").GetString()));
        Assert.All(warehouses, l => Assert.Equal("warehouse", l.GetProperty("type").GetString()));

        var curbside = await ListAll("capability=curbside");
        Assert.Contains(store, curbside.Select(l => l.GetProperty("code").GetString()));
        Assert.DoesNotContain(warehouse, curbside.Select(l => l.GetProperty("code").GetString()));
        Assert.All(curbside, l => Assert.Contains("curbside", l.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task Listing_pages_through_every_location_once_in_code_order()
    {
        var codes = Enumerable.Range(0, 5).Select(_ => OmniFactory.Unique("PAGE")).ToList();
        foreach (var code in codes) await Create(Body(code));

        var seen = await ListAll("limit=2");
        var seenCodes = seen.Select(l => l.GetProperty("code").GetString()!).ToList();
        Assert.Equal(seenCodes.Distinct().Count(), seenCodes.Count);
        Assert.All(codes, c => Assert.Contains(c, seenCodes));
        var ours = seenCodes.Where(codes.Contains).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), ours);
    }

    [Theory]
    [InlineData("type=shop")]
    [InlineData("capability=fly")]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    [InlineData("after=%%%")]
    public async Task Bad_list_parameters_are_400(string query)
    {
        await (await _client.GetAsync($"/api/v1/locations?{query}")).Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<List<JsonElement>> ListAll(string query)
    {
        var items = new List<JsonElement>();
        string? next = null;
        do
        {
            var url = $"/api/v1/locations?{query}" + (next is null ? "" : $"&after={Uri.EscapeDataString(next)}");
            var page = await (await _client.GetAsync(url)).Json(HttpStatusCode.OK);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        } while (next is not null);
        return items;
    }

    [Fact]
    public async Task Import_creates_new_and_replaces_existing_locations_by_code()
    {
        var existing = OmniFactory.Unique("IMP");
        await Create(Body(existing, capacity: 1));
        var fresh = new[] { OmniFactory.Unique("IMP"), OmniFactory.Unique("IMP") };

        var summary = await (await _client.PostJson("/api/v1/locations/import",
            new[] { Body(existing.ToLowerInvariant(), capacity: 77), Body(fresh[0]), Body(fresh[1], type: "warehouse") })).Json(HttpStatusCode.OK);

        Assert.Equal(2, summary.GetProperty("created").GetInt32());
        Assert.Equal(1, summary.GetProperty("updated").GetInt32());
        var updated = await (await _client.GetAsync($"/api/v1/locations/{existing}")).Json(HttpStatusCode.OK);
        Assert.Equal(77, updated.GetProperty("dailyOrderCapacity").GetInt32());
        await (await _client.GetAsync($"/api/v1/locations/{fresh[1]}")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Import_with_one_invalid_location_writes_nothing_and_names_the_index()
    {
        var good = OmniFactory.Unique("IMP");
        var bad = Body(OmniFactory.Unique("IMP"));
        bad["latitude"] = 123.0;

        var problem = await (await _client.PostJson("/api/v1/locations/import", new[] { Body(good), bad })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].latitude", out _));
        await (await _client.GetAsync($"/api/v1/locations/{good}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Import_with_a_code_twice_is_409_duplicate()
    {
        var code = OmniFactory.Unique("IMP");
        await (await _client.PostJson("/api/v1/locations/import", new[] { Body(code), Body(code.ToLowerInvariant()) })).Problem(HttpStatusCode.Conflict, "duplicate");
        await (await _client.GetAsync($"/api/v1/locations/{code}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_in_process_import_upserts_and_refuses_invalid_input_with_per_index_errors()
    {
        var code = OmniFactory.Unique("SEED");
        var location = new ImportedLocation(code, "Seeded", LocationType.Store, new ImportedAddress("1 Main St", null, "Lyon", "69001", "FR"),
            45.76, 4.83, "Europe/Paris", [LocationCapability.Pickup], 50, [new ImportedOpeningHours(DayOfWeek.Monday, "09:00", "18:00")]);

        var summary = await omni.InScope(sp => sp.GetRequiredService<ILocationImport>().ImportAsync([location], CancellationToken.None));
        Assert.Equal(new LocationImportSummary(1, 0), summary);
        summary = await omni.InScope(sp => sp.GetRequiredService<ILocationImport>().ImportAsync([location with { DailyOrderCapacity = 60 }], CancellationToken.None));
        Assert.Equal(new LocationImportSummary(0, 1), summary);

        var error = await Assert.ThrowsAsync<DomainException>(() => omni.InScope(sp =>
            sp.GetRequiredService<ILocationImport>().ImportAsync([location with { TimeZone = "Mars/Olympus" }], CancellationToken.None)));
        Assert.Equal("validation_failed", error.Code);
        Assert.True(((IDictionary<string, string[]>)error.Extensions["errors"]!).ContainsKey("[0].timeZone"));
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "malformed JSON", "{\"code\": \"X\", " },
        { "not an object", "[1, 2]" },
        { "null body", "null" },
        { "empty object", "{}" },
        { "latitude as text", Replace("\"latitude\":48.8719", "\"latitude\":\"north\"") },
        { "capacity as decimal", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":2.5") },
        { "unknown type", Replace("\"type\":\"store\"", "\"type\":\"shop\"") },
        { "type as number", Replace("\"type\":\"store\"", "\"type\":1") },
        { "unknown capability", Replace("\"returns\"", "\"teleport\"") },
        { "missing code", Replace("\"code\":\"@CODE\",", "") },
        { "missing latitude", Replace("\"latitude\":48.8719,", "") },
        { "missing capabilities", Replace("\"capabilities\":[\"ship\",\"pickup\",\"curbside\",\"returns\",\"shipToStore\"],", "") },
        { "missing address", Replace("\"address\":{\"line1\":\"1 Rue X\",\"city\":\"Paris\",\"postalCode\":\"75009\",\"country\":\"FR\"},", "") },
        { "bad code characters", Replace("\"code\":\"@CODE\"", "\"code\":\"@CODE with spaces\"") },
        { "latitude out of range", Replace("\"latitude\":48.8719", "\"latitude\":91") },
        { "longitude out of range", Replace("\"longitude\":2.3316", "\"longitude\":-180.5") },
        { "negative capacity", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":-1") },
        { "unknown country", Replace("\"country\":\"FR\"", "\"country\":\"XX\"") },
        { "unknown time zone", Replace("\"Europe/Paris\"", "\"Europe/Atlantis\"") },
        { "windows time zone", Replace("\"Europe/Paris\"", "\"Romance Standard Time\"") },
        { "name too long", Replace("\"name\":\"Paris Op", $"\"name\":\"{new string('n', 201)}") },
        { "closing before opening", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":200,\"openingHours\":[{\"day\":\"monday\",\"open\":\"18:00\",\"close\":\"09:00\"}]") },
        { "bad time", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":200,\"openingHours\":[{\"day\":\"monday\",\"open\":\"9h\",\"close\":\"25:00\"}]") },
        { "overlapping hours", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":200,\"openingHours\":[{\"day\":\"monday\",\"open\":\"09:00\",\"close\":\"13:00\"},{\"day\":\"monday\",\"open\":\"12:00\",\"close\":\"18:00\"}]") },
        { "unknown weekday", Replace("\"dailyOrderCapacity\":200", "\"dailyOrderCapacity\":200,\"openingHours\":[{\"day\":\"funday\",\"open\":\"09:00\",\"close\":\"13:00\"}]") },
    };

    private static string Replace(string from, string to)
    {
        var json = JsonSerializer.Serialize(Body("@CODE"), OmniFactory.Json);
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem_and_writes_nothing(string why, string json)
    {
        var code = OmniFactory.Unique("BAD");
        var response = await _client.SendRaw(HttpMethod.Post, "/api/v1/locations", json.Replace("@CODE", code, StringComparison.Ordinal));

        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("code").GetString() is "validation_failed" or "malformed_request", why);
        await (await _client.GetAsync($"/api/v1/locations/{code}")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await omni.InScope(sp => sp.GetRequiredService<LocationsDbContext>().Locations.CountAsync(l => l.Code.StartsWith(code))));
    }

    [Fact]
    public async Task Validation_errors_are_reported_per_field()
    {
        var body = Body(OmniFactory.Unique("BAD"));
        body["latitude"] = 95.0;
        body["timeZone"] = "Nowhere/Never";
        ((Dictionary<string, object?>)body["address"]!)["country"] = "ZZ";
        body.Remove("dailyOrderCapacity");

        var problem = await (await _client.PostJson("/api/v1/locations", body)).Problem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "latitude", "timeZone", "address.country", "dailyOrderCapacity" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }
}

public sealed class LocationsTests_Sqlite(SqliteOmni omni) : LocationsTests(omni), IClassFixture<SqliteOmni>;

public sealed class LocationsTests_Postgres(PostgresOmni omni) : LocationsTests(omni), IClassFixture<PostgresOmni>;
