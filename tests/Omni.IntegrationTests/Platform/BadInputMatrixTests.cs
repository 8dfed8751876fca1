using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Catalog.Data;
using Omni.Identity.Data;
using Omni.IntegrationTests.Infrastructure;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;
using Omni.Locations.Data;
using Omni.Orders.Data;

namespace Omni.IntegrationTests.Platform;

/// <summary>
/// Every endpoint that takes input, fed what clients get wrong. Whatever the mistake, the answer is a 4xx problem with
/// a stable code (and field errors for validation), and nothing is written. Paths and bodies use placeholders filled
/// from a small seeded network, see <see cref="BadInputWorld"/>; each row of <see cref="BadInputs"/> is one mistake.
/// </summary>
public abstract class BadInputMatrixTests(OmniFactory omni)
{
    public static IEnumerable<object?[]> Cases() =>
        BadInputs.All().Select(c => new object?[] { c.Name, c.Method, c.Path, c.Body, c.Status, c.Code });

    public static IEnumerable<object?[]> Templates() =>
        BadInputs.ValidTemplates().Select(t => new object?[] { t.Name, t.Method, t.Path, t.Body });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_answered_with_a_4xx_problem_and_changes_nothing(string name, string method, string path, string? body, int status, string code)
    {
        var world = await BadInputWorld.For(omni);
        var before = await DatabaseState.ReadAsync(omni);

        using var response = await world.SendAsync(method, path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: expected a 4xx but got {(int)response.StatusCode}: {text}");
        Assert.True((int)response.StatusCode == status, $"{name}: expected {status} {code} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(problem.TryGetProperty("code", out var actualCode), $"{name}: the problem has no code: {text}");
        Assert.Equal(code, actualCode.GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (code == "validation_failed")
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"{name}: a validation problem without field errors: {text}");

        Assert.Equal(before, await DatabaseState.ReadAsync(omni));
    }

    [Fact]
    public async Task A_body_over_the_limit_sent_without_a_length_is_a_413_problem_too()
    {
        var world = await BadInputWorld.For(omni);
        var before = await DatabaseState.ReadAsync(omni);
        var json = Encoding.UTF8.GetBytes($$$"""{"lines": [{"sku": "{{{world.Sku}}}", "quantity": 1, "unitPrice": {"amount": 1, "currency": "EUR"}}], "note": "{{{new string('x', 5 * 1024 * 1024)}}}"}""");
        // A stream of unknown length goes out chunked: the server only learns the size by reading.
        var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new("application/json");

        using var response = await world.Api.PostAsync($"/api/v1/stores/{world.Store}/sales", content);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(before, await DatabaseState.ReadAsync(omni));
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>Each bad case is a valid request with one thing wrong; this proves the valid ones pass, so a case fails for its own reason.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_valid_request_each_case_is_derived_from_succeeds(string name, string method, string path, string? body)
    {
        var world = await BadInputWorld.For(omni);
        var order = path.Contains("{ORDER}", StringComparison.Ordinal) ? await world.NewOrderAsync() : null;

        using var response = await world.SendAsync(method, order is null ? path : path.Replace("{ORDER}", order, StringComparison.Ordinal), body);

        Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class BadInputMatrixTests_Sqlite(SqliteOmni omni) : BadInputMatrixTests(omni), IClassFixture<SqliteOmni>;

public sealed class BadInputMatrixTests_Postgres(PostgresOmni omni) : BadInputMatrixTests(omni), IClassFixture<PostgresOmni>;

public sealed record BadInput(string Name, string Method, string Path, string? Body, int Status, string Code);

/// <summary>The matrix. Bodies are the valid templates below with one field changed, removed or broken.</summary>
public static partial class BadInputs
{
    private const int BadRequest = 400, NotFound = 404, Conflict = 409, TooLarge = 413;
    private const string Malformed = "malformed_request", Invalid = "validation_failed";

    private static readonly string TooLong = new('x', 201);

    // The templates: valid requests. {NEW} is a fresh code, {GTIN} a fresh GTIN, {LOC}/{SKU}/{PRODUCT}/{ORDER} the seeded ones.
    private const string Location = """
        {"code": "{NEW}", "name": "Matrix store", "type": "store",
         "address": {"line1": "1 Rue X", "city": "Paris", "postalCode": "75009", "country": "FR"},
         "latitude": 48.87, "longitude": 2.33, "timeZone": "Europe/Paris",
         "capabilities": ["ship", "pickup"], "dailyOrderCapacity": 200,
         "openingHours": [{"day": "monday", "open": "09:00", "close": "19:00"}]}
        """;
    private const string Product = """
        {"code": "{NEW}", "name": "Matrix tee", "brand": "Omni", "category": "apparel/tops",
         "variants": [{"sku": "{NEW}", "gtin": "{GTIN}", "name": "M black", "attributes": {"size": "M"},
                       "price": {"amount": 19.99, "currency": "EUR"}, "images": ["https://img.example.com/tee.jpg"]}]}
        """;
    private const string Count = """{"onHand": 5, "safetyStock": 1, "reference": "CYCLE-1"}""";
    private const string Movement = """{"locationCode": "{LOC}", "sku": "{SKU}", "delta": 3, "reason": "receipt", "reference": "PO-1"}""";
    private const string Snapshot = """{"lines": [{"sku": "{SKU}", "onHand": 7, "safetyStock": 1}]}""";
    private const string Order = """
        {"channel": "web", "customer": {"email": "ana@example.com", "name": "Ana", "phone": "+33600000000"},
         "shippingAddress": {"line1": "1 Place Bellecour", "city": "Lyon", "postalCode": "69002", "country": "FR", "latitude": 45.76, "longitude": 4.83},
         "lines": [{"sku": "{SKU}", "quantity": 1, "fulfillment": {"method": "ship"}},
                   {"sku": "{SKU}", "quantity": 1, "fulfillment": {"method": "pickup", "locationCode": "{LOC}"}}]}
        """;
    private const string Cancel = """{"reason": "changed my mind"}""";
    private const string Sale = """
        {"occurredAt": "2025-01-01T10:00:00Z", "customer": {"email": "bob@example.com"},
         "lines": [{"sku": "{SKU}", "quantity": 1, "unitPrice": {"amount": 19.99, "currency": "EUR"}}]}
        """;
    private const string ApiKey = """{"name": "matrix till", "scopes": ["inventory", "orders"], "storeCode": "{LOC}"}""";

    public static IEnumerable<(string Name, string Method, string Path, string? Body)> ValidTemplates() =>
    [
        ("create location", "POST", "/api/v1/locations", Compact(Location)),
        ("replace location", "PUT", "/api/v1/locations/{LOC}", Without(Location, "code")),
        ("import locations", "POST", "/api/v1/locations/import", $"[{Compact(Location)}]"),
        ("create product", "POST", "/api/v1/products", Compact(Product)),
        ("update product", "PUT", "/api/v1/products/{PRODUCT}", Without(Product, "code")),
        ("import products", "POST", "/api/v1/products/import", $"[{Compact(Product)}]"),
        ("count", "PUT", "/api/v1/inventory/{LOC}/{SKU}", Compact(Count)),
        ("movement", "POST", "/api/v1/inventory/movements", Compact(Movement)),
        ("snapshot", "POST", "/api/v1/inventory/{LOC}/snapshot", Compact(Snapshot)),
        ("availability", "GET", "/api/v1/availability?skus={SKU}&lat=45.76&lon=4.83&channel=web", null),
        ("availability for a store", "GET", "/api/v1/availability?skus={SKU}&channel=store&location={LOC}", null),
        ("place order", "POST", "/api/v1/orders", Compact(Order)),
        ("cancel order", "POST", "/api/v1/orders/{ORDER}/cancel", Compact(Cancel)),
        ("list orders", "GET", "/api/v1/orders?channel=web&status=accepted&limit=10&placedFrom=2020-01-01T00:00:00Z", null),
        ("order summary", "GET", "/api/v1/orders/summary?placedFrom=2020-01-01T00:00:00Z&placedTo=2030-01-01T00:00:00Z", null),
        ("stock-outs", "GET", "/api/v1/inventory/stockouts", null),
        ("store sale", "POST", "/api/v1/stores/{LOC}/sales", Compact(Sale)),
        ("api key", "POST", "/api/v1/api-keys", Compact(ApiKey)),
        ("events", "GET", "/api/v1/events?after=0&limit=10&types=order.placed,inventory.changed", null),
    ];

    public static IEnumerable<BadInput> All() =>
    [
        .. Body("create location", "POST", "/api/v1/locations", Location,
        [
            ("name is a number", With(Location, "name", 42), BadRequest, Malformed),
            ("latitude is a string", With(Location, "latitude", "48.87"), BadRequest, Malformed),
            ("address is an array", With(Location, "address", Raw("[]")), BadRequest, Malformed),
            ("capabilities is an object", With(Location, "capabilities", Raw("{}")), BadRequest, Malformed),
            ("type is unknown", With(Location, "type", "kiosk"), BadRequest, Malformed),
            ("capability is unknown", With(Location, "capabilities[0]", "teleport"), BadRequest, Malformed),
            ("code is missing", Without(Location, "code"), BadRequest, Invalid),
            ("code has a space", With(Location, "code", "BAD CODE"), BadRequest, Invalid),
            ("code is too long", With(Location, "code", new string('C', 65)), BadRequest, Invalid),
            ("name is missing", Without(Location, "name"), BadRequest, Invalid),
            ("name is too long", With(Location, "name", TooLong), BadRequest, Invalid),
            ("type is missing", Without(Location, "type"), BadRequest, Invalid),
            ("address is missing", Without(Location, "address"), BadRequest, Invalid),
            ("country is not ISO", With(Location, "address.country", "FRA"), BadRequest, Invalid),
            ("country is unknown", With(Location, "address.country", "XX"), BadRequest, Invalid),
            ("postal code is too long", With(Location, "address.postalCode", new string('9', 21)), BadRequest, Invalid),
            ("latitude is missing", Without(Location, "latitude"), BadRequest, Invalid),
            ("latitude is 91", With(Location, "latitude", 91), BadRequest, Invalid),
            ("longitude is -181", With(Location, "longitude", -181), BadRequest, Invalid),
            ("time zone is unknown", With(Location, "timeZone", "Mars/Olympus_Mons"), BadRequest, Invalid),
            ("time zone is a Windows id", With(Location, "timeZone", "Romance Standard Time"), BadRequest, Invalid),
            ("capabilities are missing", Without(Location, "capabilities"), BadRequest, Invalid),
            ("capacity is negative", With(Location, "dailyOrderCapacity", -1), BadRequest, Invalid),
            ("capacity is huge", With(Location, "dailyOrderCapacity", 2_000_000_000), BadRequest, Invalid),
            ("capacity overflows an int", With(Location, "dailyOrderCapacity", 1e12), BadRequest, Malformed),
            ("opening hours close before open", With(Location, "openingHours[0].close", "08:00"), BadRequest, Invalid),
            ("opening hours are not a time", With(Location, "openingHours[0].open", "9am"), BadRequest, Invalid),
            ("code already exists", With(Location, "code", "{LOC}"), Conflict, "duplicate"),
        ]),
        .. Body("replace location", "PUT", "/api/v1/locations/{LOC}", Without(Location, "code"),
        [
            ("code differs from the path", With(Location, "code", "OTHER-CODE"), BadRequest, Invalid),
            ("latitude is 91", With(Without(Location, "code"), "latitude", 91), BadRequest, Invalid),
            ("name is missing", Without(Without(Location, "code"), "name"), BadRequest, Invalid),
            ("capabilities is a string", With(Without(Location, "code"), "capabilities", "ship"), BadRequest, Malformed),
        ]),
        new("replace location: location is unknown", "PUT", "/api/v1/locations/NO-SUCH-STORE", Without(Location, "code"), NotFound, "not_found"),
        .. Body("import locations", "POST", "/api/v1/locations/import", $"[{Compact(Location)}]",
        [
            ("body is an object", Compact(Location), BadRequest, Malformed),
            ("body is an empty array", "[]", BadRequest, Invalid),
            ("an item is null", $"[{Compact(Location)}, null]", BadRequest, Invalid),
            ("the second item has latitude 91", $"[{Compact(Location).Replace("{NEW}", "{NEW}-A", StringComparison.Ordinal)}, {With(Location, "latitude", 91)}]", BadRequest, Invalid),
            ("a code appears twice", $"[{Compact(Location)}, {Compact(Location)}]", Conflict, "duplicate"),
        ]),

        .. Body("create product", "POST", "/api/v1/products", Product,
        [
            ("name is a number", With(Product, "name", 42), BadRequest, Malformed),
            ("price amount is a string", With(Product, "variants[0].price.amount", "19.99"), BadRequest, Malformed),
            ("variants is an object", With(Product, "variants", Raw("{}")), BadRequest, Malformed),
            ("attributes is an array", With(Product, "variants[0].attributes", Raw("[\"M\"]")), BadRequest, Malformed),
            ("code is missing", Without(Product, "code"), BadRequest, Invalid),
            ("brand is missing", Without(Product, "brand"), BadRequest, Invalid),
            ("category has an empty segment", With(Product, "category", "apparel//tops"), BadRequest, Invalid),
            ("description is too long", With(Product, "description", new string('d', 4001)), BadRequest, Invalid),
            ("variants are empty", With(Product, "variants", Raw("[]")), BadRequest, Invalid),
            ("variants are missing", Without(Product, "variants"), BadRequest, Invalid),
            ("a variant is null", With(Product, "variants[0]", null), BadRequest, Invalid),
            ("SKU is too long", With(Product, "variants[0].sku", new string('S', 65)), BadRequest, Invalid),
            ("SKU has a slash", With(Product, "variants[0].sku", "A/B"), BadRequest, Invalid),
            ("GTIN has a wrong check digit", With(Product, "variants[0].gtin", "05901234123458"), BadRequest, Invalid),
            ("GTIN has letters", With(Product, "variants[0].gtin", "0590123412345A"), BadRequest, Invalid),
            ("price is missing", Without(Product, "variants[0].price"), BadRequest, Invalid),
            ("price is negative", With(Product, "variants[0].price.amount", -1), BadRequest, Invalid),
            ("price is huge", With(Product, "variants[0].price.amount", 1e15), BadRequest, Invalid),
            ("price has three decimals in EUR", With(Product, "variants[0].price.amount", 19.999), BadRequest, Invalid),
            ("price has decimals in JPY", With(With(Product, "variants[0].price.currency", "JPY"), "variants[0].price.amount", 1500.5), BadRequest, Invalid),
            ("currency is not ISO", With(Product, "variants[0].price.currency", "EURO"), BadRequest, Invalid),
            ("currency is missing", Without(Product, "variants[0].price.currency"), BadRequest, Invalid),
            ("image is not http", With(Product, "variants[0].images[0]", "ftp://img.example.com/tee.jpg"), BadRequest, Invalid),
            ("attribute value is too long", With(Product, "variants[0].attributes.size", TooLong), BadRequest, Invalid),
            ("code already exists", With(Product, "code", "{PRODUCT}"), Conflict, "duplicate"),
            ("SKU belongs to another product", With(Product, "variants[0].sku", "{SKU}"), Conflict, "duplicate"),
        ]),
        .. Body("update product", "PUT", "/api/v1/products/{PRODUCT}", Without(Product, "code"),
        [
            ("code differs from the path", With(Product, "code", "OTHER-CODE"), BadRequest, Invalid),
            ("price is negative", With(Without(Product, "code"), "variants[0].price.amount", -5), BadRequest, Invalid),
            ("price moves to another currency for some variants only", With(Without(Product, "code"), "variants[0].price.currency", "USD"), Conflict, "currency_mismatch"),
        ]),
        new("update product: product is unknown", "PUT", "/api/v1/products/NO-SUCH-PRODUCT", Without(Product, "code"), NotFound, "not_found"),
        .. Body("import products", "POST", "/api/v1/products/import", $"[{Compact(Product)}]",
        [
            ("body is an object", Compact(Product), BadRequest, Malformed),
            ("body is an empty array", "[]", BadRequest, Invalid),
            ("the second item has a bad GTIN", $"[{Compact(Product).Replace("{NEW}", "{NEW}-A", StringComparison.Ordinal)}, {With(Product, "variants[0].gtin", "12345")}]", BadRequest, Invalid),
        ]),

        .. Body("count", "PUT", "/api/v1/inventory/{LOC}/{SKU}", Count,
        [
            ("on hand is a string", With(Count, "onHand", "5"), BadRequest, Malformed),
            ("on hand has decimals", With(Count, "onHand", 1.5), BadRequest, Malformed),
            ("on hand overflows an int", With(Count, "onHand", 1e12), BadRequest, Malformed),
            ("on hand is missing", Without(Count, "onHand"), BadRequest, Invalid),
            ("on hand is negative", With(Count, "onHand", -1), BadRequest, Invalid),
            ("on hand is huge", With(Count, "onHand", 2_000_000_000), BadRequest, Invalid),
            ("safety stock is negative", With(Count, "safetyStock", -1), BadRequest, Invalid),
            ("reference is too long", With(Count, "reference", new string('r', 101)), BadRequest, Invalid),
        ]),
        new("count: SKU is unknown", "PUT", "/api/v1/inventory/{LOC}/NO-SUCH-SKU", Compact(Count), BadRequest, Invalid),
        new("count: location is unknown", "PUT", "/api/v1/inventory/NO-SUCH-STORE/{SKU}", Compact(Count), BadRequest, Invalid),

        .. Body("movement", "POST", "/api/v1/inventory/movements", Movement,
        [
            ("delta is a string", With(Movement, "delta", "3"), BadRequest, Malformed),
            ("location code is a number", With(Movement, "locationCode", 12), BadRequest, Malformed),
            ("delta is zero", With(Movement, "delta", 0), BadRequest, Invalid),
            ("delta is missing", Without(Movement, "delta"), BadRequest, Invalid),
            ("delta is huge", With(Movement, "delta", 2_000_000), BadRequest, Invalid),
            ("delta is hugely negative", With(Movement, "delta", -2_000_000), BadRequest, Invalid),
            ("reason is count", With(Movement, "reason", "count"), BadRequest, Invalid),
            ("reason is unknown", With(Movement, "reason", "teleport"), BadRequest, Invalid),
            ("reason is missing", Without(Movement, "reason"), BadRequest, Invalid),
            ("location code is missing", Without(Movement, "locationCode"), BadRequest, Invalid),
            ("SKU is missing", Without(Movement, "sku"), BadRequest, Invalid),
            ("reference is too long", With(Movement, "reference", new string('r', 101)), BadRequest, Invalid),
            ("location is unknown", With(Movement, "locationCode", "NO-SUCH-STORE"), BadRequest, Invalid),
            ("SKU is unknown", With(Movement, "sku", "NO-SUCH-SKU"), BadRequest, Invalid),
        ]),

        .. Body("snapshot", "POST", "/api/v1/inventory/{LOC}/snapshot", Snapshot,
        [
            ("lines is an object", With(Snapshot, "lines", Raw("{}")), BadRequest, Malformed),
            ("on hand is a string", With(Snapshot, "lines[0].onHand", "7"), BadRequest, Malformed),
            ("lines are empty", With(Snapshot, "lines", Raw("[]")), BadRequest, Invalid),
            ("lines are missing", "{}", BadRequest, Invalid),
            ("a line is null", With(Snapshot, "lines[0]", null), BadRequest, Invalid),
            ("on hand is missing", Without(Snapshot, "lines[0].onHand"), BadRequest, Invalid),
            ("on hand is negative", With(Snapshot, "lines[0].onHand", -1), BadRequest, Invalid),
            ("safety stock is negative", With(Snapshot, "lines[0].safetyStock", -1), BadRequest, Invalid),
            ("SKU is missing", Without(Snapshot, "lines[0].sku"), BadRequest, Invalid),
            ("a SKU appears twice", """{"lines": [{"sku": "{SKU}", "onHand": 7}, {"sku": "{SKU}", "onHand": 8}]}""", BadRequest, Invalid),
            ("SKU is unknown", With(Snapshot, "lines[0].sku", "NO-SUCH-SKU"), BadRequest, Invalid),
        ]),
        new("snapshot: location is unknown", "POST", "/api/v1/inventory/NO-SUCH-STORE/snapshot", Compact(Snapshot), NotFound, "not_found"),

        .. Query("availability", "/api/v1/availability",
        [
            ("no SKUs", "", BadRequest, Invalid),
            ("only commas", "?skus=,,", BadRequest, Invalid),
            ("101 SKUs", "?skus=" + string.Join(',', Enumerable.Range(0, 101).Select(i => $"S{i}")), BadRequest, Invalid),
            ("latitude without longitude", "?skus={SKU}&lat=45.7", BadRequest, Invalid),
            ("longitude without latitude", "?skus={SKU}&lon=4.8", BadRequest, Invalid),
            ("latitude 91", "?skus={SKU}&lat=91&lon=4.8", BadRequest, Invalid),
            ("longitude -181", "?skus={SKU}&lat=45&lon=-181", BadRequest, Invalid),
            ("latitude is not a number", "?skus={SKU}&lat=north&lon=4.8", BadRequest, Malformed),
            ("channel is fax", "?skus={SKU}&channel=fax", BadRequest, Invalid),
            ("channel is a number", "?skus={SKU}&channel=1", BadRequest, Invalid),
            ("store channel without a location", "?skus={SKU}&channel=store", BadRequest, Invalid),
            ("location is unknown", "?skus={SKU}&channel=store&location=NO-SUCH-STORE", BadRequest, Invalid),
        ]),

        .. Body("place order", "POST", "/api/v1/orders", Order,
        [
            ("channel is fax", With(Order, "channel", "fax"), BadRequest, Malformed),
            ("channel is a number", With(Order, "channel", 1), BadRequest, Malformed),
            ("method is teleport", With(Order, "lines[0].fulfillment.method", "teleport"), BadRequest, Malformed),
            ("quantity is a string", With(Order, "lines[0].quantity", "1"), BadRequest, Malformed),
            ("quantity overflows an int", With(Order, "lines[0].quantity", 1e10), BadRequest, Malformed),
            ("customer is an array", With(Order, "customer", Raw("[]")), BadRequest, Malformed),
            ("lines is an object", With(Order, "lines", Raw("{}")), BadRequest, Malformed),
            ("channel is missing", Without(Order, "channel"), BadRequest, Invalid),
            ("lines are missing", Without(Order, "lines"), BadRequest, Invalid),
            ("lines are empty", With(Order, "lines", Raw("[]")), BadRequest, Invalid),
            ("a line is null", With(Order, "lines[0]", null), BadRequest, Invalid),
            ("quantity is zero", With(Order, "lines[0].quantity", 0), BadRequest, Invalid),
            ("quantity is negative", With(Order, "lines[0].quantity", -1), BadRequest, Invalid),
            ("quantity is huge", With(Order, "lines[0].quantity", 1_000_000), BadRequest, Invalid),
            ("quantity is missing", Without(Order, "lines[0].quantity"), BadRequest, Invalid),
            ("SKU is missing", Without(Order, "lines[0].sku"), BadRequest, Invalid),
            ("SKU is too long", With(Order, "lines[0].sku", new string('S', 65)), BadRequest, Invalid),
            ("SKU is unknown", With(Order, "lines[0].sku", "NO-SUCH-SKU"), BadRequest, Invalid),
            ("method is missing", Without(Order, "lines[0].fulfillment"), BadRequest, Invalid),
            ("pickup without a store", Without(Order, "lines[1].fulfillment.locationCode"), BadRequest, Invalid),
            ("pickup at an unknown store", With(Order, "lines[1].fulfillment.locationCode", "NO-SUCH-STORE"), BadRequest, Invalid),
            ("ship without an address", Without(Order, "shippingAddress"), BadRequest, Invalid),
            ("country is not ISO", With(Order, "shippingAddress.country", "FRA"), BadRequest, Invalid),
            ("city is too long", With(Order, "shippingAddress.city", TooLong), BadRequest, Invalid),
            ("latitude is 91", With(Order, "shippingAddress.latitude", 91), BadRequest, Invalid),
            ("longitude is -181", With(Order, "shippingAddress.longitude", -181), BadRequest, Invalid),
            ("latitude without longitude", Without(Order, "shippingAddress.longitude"), BadRequest, Invalid),
            ("e-mail is not an address", With(Order, "customer.email", "ana-at-example"), BadRequest, Invalid),
            ("phone is not a number", With(Order, "customer.phone", "call me"), BadRequest, Invalid),
            ("customer name is too long", With(Order, "customer.name", TooLong), BadRequest, Invalid),
            ("more than the network has", With(Order, "lines[0].quantity", 9_999), Conflict, "insufficient_stock"),
        ]),
        .. Body("cancel order", "POST", "/api/v1/orders/{ORDER}/cancel", Cancel,
        [
            ("reason is a number", With(Cancel, "reason", 42), BadRequest, Malformed),
            ("reason is too long", With(Cancel, "reason", new string('r', 501)), BadRequest, Invalid),
        ], emptyBodyAllowed: true),
        new("cancel order: order is unknown", "POST", "/api/v1/orders/0195f6a0-0000-7000-8000-000000000000/cancel", Compact(Cancel), NotFound, "not_found"),
        new("cancel order: id is not a GUID", "POST", "/api/v1/orders/OM0000001/cancel", Compact(Cancel), NotFound, "not_found"),
        .. Query("order summary", "/api/v1/orders/summary",
        [
            ("period ends before it starts", "?placedFrom=2026-02-01T00:00:00Z&placedTo=2026-01-01T00:00:00Z", BadRequest, Invalid),
            ("date is not a date", "?placedFrom=yesterday", BadRequest, Malformed),
        ]),
        .. Query("list orders", "/api/v1/orders",
        [
            ("channel is fax", "?channel=fax", BadRequest, Invalid),
            ("status is shipped", "?status=shipped", BadRequest, Invalid),
            ("status is a number", "?status=1", BadRequest, Invalid),
            ("limit is zero", "?limit=0", BadRequest, Invalid),
            ("limit is 201", "?limit=201", BadRequest, Invalid),
            ("limit is not a number", "?limit=many", BadRequest, Malformed),
            ("cursor is not one", "?after=abc", BadRequest, Invalid),
            ("cursor is negative", "?after=-5", BadRequest, Invalid),
            ("date is not a date", "?placedFrom=yesterday", BadRequest, Malformed),
        ]),

        .. Body("store sale", "POST", "/api/v1/stores/{LOC}/sales", Sale,
        [
            ("occurred at is not a date", With(Sale, "occurredAt", "yesterday"), BadRequest, Malformed),
            ("unit price is a number", With(Sale, "lines[0].unitPrice", 19.99), BadRequest, Malformed),
            ("quantity is a string", With(Sale, "lines[0].quantity", "1"), BadRequest, Malformed),
            ("lines are empty", With(Sale, "lines", Raw("[]")), BadRequest, Invalid),
            ("lines are missing", Without(Sale, "lines"), BadRequest, Invalid),
            ("quantity is zero", With(Sale, "lines[0].quantity", 0), BadRequest, Invalid),
            ("quantity is negative", With(Sale, "lines[0].quantity", -2), BadRequest, Invalid),
            ("quantity is huge", With(Sale, "lines[0].quantity", 1_000_000), BadRequest, Invalid),
            ("unit price is missing", Without(Sale, "lines[0].unitPrice"), BadRequest, Invalid),
            ("unit price is negative", With(Sale, "lines[0].unitPrice.amount", -1), BadRequest, Invalid),
            ("currency is unknown", With(Sale, "lines[0].unitPrice.currency", "XXX"), BadRequest, Invalid),
            ("price has decimals in JPY", With(Sale, "lines[0].unitPrice", Raw("""{"amount": 100.5, "currency": "JPY"}""")), BadRequest, Invalid),
            ("lines in two currencies", With(Sale, "lines[1]", Raw("""{"sku": "{SKU}", "quantity": 1, "unitPrice": {"amount": 5, "currency": "USD"}}""")), BadRequest, Invalid),
            ("occurred in the future", With(Sale, "occurredAt", "2100-01-01T00:00:00Z"), BadRequest, Invalid),
            ("e-mail is not an address", With(Sale, "customer.email", "bob"), BadRequest, Invalid),
            ("SKU is unknown", With(Sale, "lines[0].sku", "NO-SUCH-SKU"), BadRequest, Invalid),
        ]),
        new("store sale: store is unknown", "POST", "/api/v1/stores/NO-SUCH-STORE/sales", Compact(Sale), NotFound, "not_found"),

        .. Body("api key", "POST", "/api/v1/api-keys", ApiKey,
        [
            ("scopes is a string", With(ApiKey, "scopes", "inventory"), BadRequest, Malformed),
            ("name is a number", With(ApiKey, "name", 7), BadRequest, Malformed),
            ("name is missing", Without(ApiKey, "name"), BadRequest, Invalid),
            ("name is too long", With(ApiKey, "name", new string('n', 101)), BadRequest, Invalid),
            ("scopes are empty", With(ApiKey, "scopes", Raw("[]")), BadRequest, Invalid),
            ("scope is unknown", With(ApiKey, "scopes[0]", "superuser"), BadRequest, Invalid),
            ("a store key asks for admin", With(ApiKey, "scopes[0]", "admin"), BadRequest, Invalid),
            ("store code has a space", With(ApiKey, "storeCode", "BAD STORE"), BadRequest, Invalid),
            ("store is unknown", With(ApiKey, "storeCode", "NO-SUCH-STORE"), BadRequest, Invalid),
        ]),

        .. Query("events", "/api/v1/events",
        [
            ("cursor is not one", "?after=abc", BadRequest, Invalid),
            ("cursor is negative", "?after=-1", BadRequest, Invalid),
            ("limit is zero", "?limit=0", BadRequest, Invalid),
            ("limit is 1001", "?limit=1001", BadRequest, Invalid),
            ("limit is not a number", "?limit=lots", BadRequest, Malformed),
            ("type is not dotted lower case", "?types=Order.Placed", BadRequest, Invalid),
        ]),
    ];

    /// <summary>The mistakes every JSON body can have, then the endpoint's own.</summary>
    private static IEnumerable<BadInput> Body(string endpoint, string method, string path, string valid,
        IEnumerable<(string Case, string Body, int Status, string Code)> own, bool emptyBodyAllowed = false)
    {
        var isArray = valid.TrimStart().StartsWith('[');
        yield return new($"{endpoint}: malformed JSON", method, path, Compact(valid)[..^3], BadRequest, Malformed);
        yield return new($"{endpoint}: not JSON at all", method, path, "hello", BadRequest, Malformed);
        yield return new($"{endpoint}: {(isArray ? "a number" : "an array")} instead of {(isArray ? "an array" : "an object")}", method, path, isArray ? "42" : "[]", BadRequest, Malformed);
        yield return new($"{endpoint}: a body over 4 MiB", method, path, isArray ? """[{"name": "{HUGE}"}]""" : """{"name": "{HUGE}"}""", TooLarge, "payload_too_large");
        if (!emptyBodyAllowed)
        {
            yield return new($"{endpoint}: an empty body", method, path, "", BadRequest, Malformed);
            yield return new($"{endpoint}: a null body", method, path, "null", BadRequest, Malformed);
        }
        foreach (var (name, body, status, code) in own) yield return new($"{endpoint}: {name}", method, path, Compact(body), status, code);
    }

    private static IEnumerable<BadInput> Query(string endpoint, string path, IEnumerable<(string Case, string Query, int Status, string Code)> own) =>
        own.Select(c => new BadInput($"{endpoint}: {c.Case}", "GET", path + c.Query, null, c.Status, c.Code));

    private static JsonNode Raw(string json) => JsonNode.Parse(json)!;

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    /// <summary>The template with the value at <paramref name="path"/> (e.g. <c>lines[0].quantity</c>) set, or added.</summary>
    private static string With(string template, string path, object? value)
    {
        var root = JsonNode.Parse(template)!;
        var (parent, last) = Locate(root, path);
        var node = value switch
        {
            null => null,
            JsonNode json => json.DeepClone(),
            _ => JsonSerializer.SerializeToNode(value),
        };
        if (Index(last) is { } i)
        {
            var array = parent.AsArray();
            if (i < array.Count) array[i] = node; else array.Add(node);
        }
        else parent.AsObject()[last] = node;
        return root.ToJsonString();
    }

    private static string Without(string template, string path)
    {
        var root = JsonNode.Parse(template)!;
        var (parent, last) = Locate(root, path);
        if (Index(last) is { } i) parent.AsArray().RemoveAt(i);
        else Assert.True(parent.AsObject().Remove(last), $"{path} is not in the template");
        return root.ToJsonString();
    }

    private static (JsonNode Parent, string Last) Locate(JsonNode root, string path)
    {
        var steps = PathStep().Matches(path).Select(m => m.Value).ToList();
        var node = root;
        foreach (var step in steps[..^1])
            node = (Index(step) is { } i ? node.AsArray()[i] : node.AsObject()[step]) ?? throw new ArgumentException($"{path} is not in the template", nameof(path));
        return (node, steps[^1]);
    }

    private static int? Index(string step) => step.StartsWith('[') ? int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex PathStep();
}

/// <summary>What the matrix needs to exist: a store with stock of a SKU, its product and an open order. Seeded once per server.</summary>
internal sealed class BadInputWorld
{
    private static readonly ConditionalWeakTable<OmniFactory, Task<BadInputWorld>> Worlds = new();
    private static readonly string Huge = new('x', 5 * 1024 * 1024);

    public required HttpClient Api { get; init; }
    public required string Store { get; init; }
    public required string Sku { get; init; }
    public required string ProductCode { get; init; }
    public required string OrderId { get; init; }

    public static Task<BadInputWorld> For(OmniFactory omni) => Worlds.GetValue(omni, SeedAsync);

    private static async Task<BadInputWorld> SeedAsync(OmniFactory omni)
    {
        var api = omni.Admin();
        var store = await ApiSeed.Location(api, "STORE", lat: 45.75, lon: 4.85);
        var productCode = OmniFactory.Unique("PRD");
        var sku = OmniFactory.Unique("SKU");
        await (await api.PostJson("/api/v1/products", new
        {
            code = productCode, name = "Matrix product", brand = "Omni", category = "test/items",
            variants = new[] { new { sku, gtin = ApiSeed.Gtin(), name = "default", price = new { amount = 10m, currency = "EUR" } } },
        })).Json(HttpStatusCode.Created);
        await ApiSeed.Stock(api, store, sku, 50);
        var world = new BadInputWorld { Api = api, Store = store, Sku = sku, ProductCode = productCode, OrderId = "" };
        return new BadInputWorld { Api = api, Store = store, Sku = sku, ProductCode = productCode, OrderId = await world.NewOrderAsync() };
    }

    public async Task<string> NewOrderAsync()
    {
        var order = await (await Api.PostJson("/api/v1/orders", new
        {
            channel = "web",
            lines = new[] { new { sku = Sku, quantity = 1, fulfillment = new { method = "pickup", locationCode = Store } } },
        })).Json(HttpStatusCode.Created);
        return order.GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> SendAsync(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null) request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        return Api.SendAsync(request);
    }

    private string Fill(string text)
    {
        var fresh = OmniFactory.Unique("NEW");
        return text
            .Replace("{HUGE}", Huge, StringComparison.Ordinal)
            .Replace("{NEW}", fresh, StringComparison.Ordinal)
            .Replace("{GTIN}", ApiSeed.Gtin(), StringComparison.Ordinal)
            .Replace("{LOC}", Store, StringComparison.Ordinal)
            .Replace("{SKU}", Sku, StringComparison.Ordinal)
            .Replace("{PRODUCT}", ProductCode, StringComparison.Ordinal)
            .Replace("{ORDER}", OrderId, StringComparison.Ordinal);
    }
}

/// <summary>Everything a write could touch, read straight from the module databases.</summary>
internal sealed record DatabaseState(
    string Locations, string Products, int Variants, string Positions, int Movements, string Reservations,
    string Orders, int OrderLines, int IdempotencyKeys, int ApiKeys, int Events)
{
    public static Task<DatabaseState> ReadAsync(OmniFactory omni) => omni.InScope(async services =>
    {
        var locations = services.GetRequiredService<LocationsDbContext>();
        var catalog = services.GetRequiredService<CatalogDbContext>();
        var inventory = services.GetRequiredService<InventoryDbContext>();
        var orders = services.GetRequiredService<OrdersDbContext>();
        var identity = services.GetRequiredService<IdentityDbContext>();
        return new DatabaseState(
            Fingerprint(await locations.Locations.AsNoTracking().Select(l => $"{l.Code}@{l.UpdatedAt:O}").ToListAsync()),
            Fingerprint(await catalog.Products.AsNoTracking().Select(p => $"{p.Code}@{p.UpdatedAt:O}").ToListAsync()),
            await catalog.Variants.CountAsync(),
            Fingerprint(await inventory.Positions.AsNoTracking().Select(p => $"{p.LocationCode}/{p.Sku}:{p.OnHand}/{p.Reserved}/{p.SafetyStock}").ToListAsync()),
            await inventory.Movements.CountAsync(),
            Fingerprint(await inventory.Reservations.AsNoTracking().Select(r => r.Id + ":" + r.Status).ToListAsync()),
            Fingerprint(await orders.Orders.AsNoTracking().Select(o => o.Id + ":" + o.Status).ToListAsync()),
            await orders.Lines.CountAsync(),
            await orders.IdempotencyKeys.CountAsync(),
            await identity.ApiKeys.CountAsync(),
            await inventory.Outbox.CountAsync());
    });

    private static string Fingerprint(List<string> rows) => string.Join(" ", rows.Order(StringComparer.Ordinal));
}
