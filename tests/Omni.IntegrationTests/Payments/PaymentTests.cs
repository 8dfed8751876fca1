using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Payments;

public abstract class PaymentTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_card_order_is_authorized_for_its_total_inside_the_order()
    {
        var (_, sku) = await ShipNetwork(price: 12.50m);

        var order = await Place(Paid(Ship("web", (sku, 2)), "card", "tok_visa"));

        var payment = await Payment(order);
        Assert.Equal("authorized", payment.GetProperty("status").GetString());
        Assert.Equal("card", payment.GetProperty("tenderType").GetString());
        Assert.Equal("simulated", payment.GetProperty("provider").GetString());
        Assert.Equal(25.00m, Amount(payment, "authorized"));
        Assert.Equal(0m, Amount(payment, "captured"));
        Assert.Equal(25.00m, Amount(payment, "open"));
        var authorization = Assert.Single(payment.GetProperty("transactions").EnumerateArray());
        Assert.Equal("authorize", authorization.GetProperty("kind").GetString());
        Assert.StartsWith("sim_auth_", authorization.GetProperty("reference").GetString());
        Assert.Equal(1, await EventsOf("payment.authorized", order, 1));
    }

    [Theory]
    [InlineData("tok_decline", "card_declined", 1)]
    [InlineData("tok_insufficient_funds", "insufficient_funds", 1)]
    [InlineData("tok_visa", "amount_limit_exceeded", 2)]
    public async Task A_declined_payment_answers_402_and_writes_nothing(string token, string declineCode, int quantity)
    {
        var (warehouse, sku) = await ShipNetwork(price: PaymentSettings.DeclineAbove * 0.6m);

        var problem = await (await _api.PostJson("/api/v1/orders", Paid(Ship("web", (sku, quantity)), "card", token), Guid.NewGuid().ToString()))
            .Problem(HttpStatusCode.PaymentRequired, "payment_declined");

        Assert.Equal(declineCode, problem.GetProperty("declineCode").GetString());
        Assert.Equal(0, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("reserved").GetInt32());
        var orders = await (await _api.GetAsync($"/api/v1/orders?sku={sku}")).Json(HttpStatusCode.OK);
        Assert.Empty(orders.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_order_without_payment_carries_none()
    {
        var (_, sku) = await ShipNetwork();

        var order = await Place(Ship("callcenter", (sku, 1)));

        await (await _api.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/payment")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_payment_of_an_unknown_type_or_without_a_token_is_a_400()
    {
        var (_, sku) = await ShipNetwork();

        var unknown = await (await _api.PostJson("/api/v1/orders", Paid(Ship("web", (sku, 1)), "cheque", "x"))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("payment.type", out _));
        var tokenless = await (await _api.PostJson("/api/v1/orders", Paid(Ship("web", (sku, 1)), "card", null))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(tokenless.GetProperty("errors").TryGetProperty("payment.token", out _));
    }

    [Fact]
    public async Task A_store_sale_records_its_till_payment_authorized_and_captured_at_once()
    {
        var (store, sku) = await StoreNetwork();

        var card = await Sale(store, sku, 2, 9.99m, payment: new { type = "card" });
        var cash = await Sale(store, sku, 1, 5m);

        var paid = await Payment(card);
        Assert.Equal("captured", paid.GetProperty("status").GetString());
        Assert.Equal("card", paid.GetProperty("tenderType").GetString());
        Assert.Equal("till", paid.GetProperty("provider").GetString());
        Assert.Equal(19.98m, Amount(paid, "authorized"));
        Assert.Equal(19.98m, Amount(paid, "captured"));
        Assert.Equal(new[] { "authorize", "capture" }, paid.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal("cash", (await Payment(cash)).GetProperty("tenderType").GetString());
    }

    [Fact]
    public async Task Refunds_never_exceed_what_was_captured_and_a_retry_refunds_once()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 30m);
        var key = Guid.NewGuid().ToString();

        var first = await Refund(sale, 10m, "originalTender", key).Json(HttpStatusCode.Created);
        var retry = await Refund(sale, 10m, "originalTender", key).Json(HttpStatusCode.Created);
        await Refund(sale, 11m, "originalTender", key).Problem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await Refund(sale, 20.01m, "originalTender").Problem(HttpStatusCode.Conflict, "refund_exceeds_captured");
        var rest = await Refund(sale, 20m, "originalTender").Json(HttpStatusCode.Created);

        Assert.Equal(10m, Amount(first, "refunded"));
        Assert.Equal(10m, Amount(retry, "refunded"));
        Assert.Equal(30m, Amount(rest, "refunded"));
        Assert.Equal(0m, Amount(rest, "kept"));
        Assert.Equal("refunded", rest.GetProperty("status").GetString());
        await Refund(sale, 0.01m, "originalTender").Problem(HttpStatusCode.Conflict, "refund_exceeds_captured");
        Assert.Equal(2, await EventsOf("payment.refunded", sale, 2));
    }

    [Fact]
    public async Task Parallel_refunds_together_never_exceed_the_capture()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 10m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Refund(sale, 1m, "originalTender", Guid.NewGuid().ToString())));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var payment = await Payment(sale);
        Assert.Equal(10m, Amount(payment, "refunded"));
        var refunds = payment.GetProperty("transactions").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "refund").ToList();
        Assert.Equal(10, refunds.Count);
        Assert.Equal(10m, refunds.Sum(t => t.GetProperty("amount").GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_refund_to_store_credit_is_spendable_on_an_order_and_a_short_balance_declines()
    {
        var (store, sku) = await StoreNetwork();
        var email = $"{Guid.NewGuid():N}@example.com";
        var sale = await Sale(store, sku, 1, 25m, customer: new { email });
        var refund = await Refund(sale, 15m, "storeCredit").Json(HttpStatusCode.Created);
        var creditId = refund.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "refund")
            .GetProperty("reference").GetString()!;

        var credit = await (await _api.GetAsync($"/api/v1/store-credits/{creditId}")).Json(HttpStatusCode.OK);
        Assert.Equal(email, credit.GetProperty("customerEmail").GetString());
        Assert.Equal(15m, credit.GetProperty("balance").GetProperty("amount").GetDecimal());
        Assert.Equal("issued", credit.GetProperty("entries")[0].GetProperty("kind").GetString());

        var (_, cheap) = await ShipNetwork(price: 10m);
        var order = await Place(Paid(Ship("web", (cheap, 1)), "store_credit", creditId));
        var paid = await Payment(order);
        Assert.Equal("store_credit", paid.GetProperty("tenderType").GetString());
        Assert.Equal(10m, Amount(paid, "authorized"));

        var problem = await (await _api.PostJson("/api/v1/orders", Paid(Ship("web", (cheap, 1)), "store_credit", creditId))).Problem(HttpStatusCode.PaymentRequired, "payment_declined");
        Assert.Equal("insufficient_store_credit", problem.GetProperty("declineCode").GetString());
        var after = await (await _api.GetAsync($"/api/v1/store-credits/{creditId}")).Json(HttpStatusCode.OK);
        Assert.Equal(5m, after.GetProperty("balance").GetProperty("amount").GetDecimal());
        Assert.Equal(new[] { "issued", "redeemed" }, after.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task Parallel_orders_on_one_store_credit_never_spend_more_than_its_balance()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 5m);
        var creditId = (await Refund(sale, 5m, "storeCredit").Json(HttpStatusCode.Created)).GetProperty("transactions").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "refund").GetProperty("reference").GetString()!;
        var (_, oneEuro) = await ShipNetwork(price: 1m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            _api.PostJson("/api/v1/orders", Paid(Ship("web", (oneEuro, 1)), "store_credit", creditId), Guid.NewGuid().ToString())));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.PaymentRequired, a.StatusCode));
        var credit = await (await _api.GetAsync($"/api/v1/store-credits/{creditId}")).Json(HttpStatusCode.OK);
        Assert.Equal(0m, credit.GetProperty("balance").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Store_credit_at_the_till_is_the_one_tender_a_sale_can_be_refused_for()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 4m);
        var creditId = (await Refund(sale, 4m, "storeCredit").Json(HttpStatusCode.Created)).GetProperty("transactions").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "refund").GetProperty("reference").GetString()!;
        var onHand = (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32();

        var refused = await _api.PostJson($"/api/v1/stores/{store}/sales", SaleBody(sku, 1, 5m, new { type = "store_credit", token = creditId }, null));
        await refused.Problem(HttpStatusCode.Conflict, "insufficient_store_credit");
        Assert.Equal(onHand, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());

        var paid = await Sale(store, sku, 1, 4m, payment: new { type = "store_credit", token = creditId });
        Assert.Equal("store_credit", (await Payment(paid)).GetProperty("provider").GetString());
        var credit = await (await _api.GetAsync($"/api/v1/store-credits/{creditId}")).Json(HttpStatusCode.OK);
        Assert.Equal(0m, credit.GetProperty("balance").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Cancelling_an_order_voids_its_authorization_once_and_gives_store_credit_back()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 10m);
        var creditId = (await Refund(sale, 10m, "storeCredit").Json(HttpStatusCode.Created)).GetProperty("transactions").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "refund").GetProperty("reference").GetString()!;
        var (_, shirt) = await ShipNetwork(price: 6m);
        var byCard = await Place(Paid(Ship("web", (shirt, 1)), "card", "tok_visa"));
        var byCredit = await Place(Paid(Ship("web", (shirt, 1)), "store_credit", creditId));

        foreach (var order in new[] { byCard, byCredit })
            await (await _api.PostJson($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/cancel", new { reason = "changed mind" })).Json(HttpStatusCode.OK);
        await omni.WaitForSubscribersAsync();

        foreach (var order in new[] { byCard, byCredit })
        {
            var payment = await Payment(order);
            Assert.Equal("voided", payment.GetProperty("status").GetString());
            Assert.Equal(6m, Amount(payment, "voided"));
            Assert.Equal(0m, Amount(payment, "open"));
            var voided = Assert.Single(payment.GetProperty("transactions").EnumerateArray(), t => t.GetProperty("kind").GetString() == "void");
            Assert.Equal("changed mind", voided.GetProperty("reason").GetString());
        }
        var credit = await (await _api.GetAsync($"/api/v1/store-credits/{creditId}")).Json(HttpStatusCode.OK);
        Assert.Equal(10m, credit.GetProperty("balance").GetProperty("amount").GetDecimal());
        Assert.Equal(new[] { "issued", "redeemed", "restored" }, credit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task Refunding_needs_the_payments_scope_and_bad_refunds_are_problems()
    {
        var (store, sku) = await StoreNetwork();
        var sale = await Sale(store, sku, 1, 8m);
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = "orders only", scopes = new[] { "orders" } })).Json(HttpStatusCode.Created);
        var ordersOnly = omni.ClientWithKey(created.GetProperty("key").GetString());
        var url = $"/api/v1/orders/{sale.GetProperty("id").GetGuid()}/payment/refunds";

        await (await ordersOnly.PostJson(url, new { amount = Eur(1m), destination = "originalTender", reason = "goodwill" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        var invalid = await (await _api.PostJson(url, new { amount = Eur(-1m) })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("amount.amount", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("destination", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("reason", out _));
        var wrongCurrency = await (await _api.PostJson(url, new { amount = new { amount = 1m, currency = "USD" }, destination = "originalTender", reason = "x" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(wrongCurrency.GetProperty("errors").TryGetProperty("amount.currency", out _));
        await (await _api.PostJson($"/api/v1/orders/{Guid.NewGuid()}/payment/refunds", new { amount = Eur(1m), destination = "originalTender", reason = "x" }))
            .Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.GetAsync($"/api/v1/store-credits/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0m, Amount(await Payment(sale), "refunded"));
    }

    private async Task<(string Warehouse, string Sku)> ShipNetwork(decimal price = 19.99m)
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, price);
        await ApiSeed.Stock(_api, warehouse, sku, 100);
        return (warehouse, sku);
    }

    private async Task<(string Store, string Sku)> StoreNetwork()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        return (store, await ApiSeed.Product(_api));
    }

    private static Dictionary<string, object?> Paid(object order, string type, string? token)
    {
        var json = JsonSerializer.SerializeToElement(order, OmniFactory.Json);
        var fields = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["payment"] = new { type, token };
        return fields;
    }

    private static object SaleBody(string sku, int quantity, decimal unitPrice, object? payment, object? customer) => new
    {
        lines = new[] { new { sku, quantity, unitPrice = Eur(unitPrice) } }, payment, customer,
    };

    private static object Eur(decimal amount) => new { amount, currency = "EUR" };

    private async Task<JsonElement> Place(object body) =>
        await (await _api.PostJson("/api/v1/orders", body, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private async Task<JsonElement> Sale(string store, string sku, int quantity, decimal unitPrice, object? payment = null, object? customer = null) =>
        await (await _api.PostJson($"/api/v1/stores/{store}/sales", SaleBody(sku, quantity, unitPrice, payment, customer), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private async Task<JsonElement> Payment(JsonElement order) =>
        await (await _api.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/payment")).Json(HttpStatusCode.OK);

    private Task<HttpResponseMessage> Refund(JsonElement order, decimal amount, string destination, string? key = null) =>
        _api.PostJson($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/payment/refunds", new { amount = Eur(amount), destination, reason = "goodwill" }, key);

    /// <summary>How many events of the type the order has in the feed, once at least <paramref name="expected"/> arrived or after 2 s.</summary>
    private async Task<int> EventsOf(string type, JsonElement order, int expected)
    {
        // Positions are given shortly after commit; wait for the feed to show what was just written.
        var id = order.GetProperty("id").GetGuid();
        for (var attempt = 0; ; attempt++)
        {
            var page = await (await _api.GetAsync($"/api/v1/events?types={type}&limit=1000")).Json(HttpStatusCode.OK);
            var count = page.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("data").GetProperty("orderId").GetGuid() == id);
            if (count >= expected || attempt == 40) return count;
            await Task.Delay(50);
        }
    }

    private static decimal Amount(JsonElement payment, string field) => payment.GetProperty(field).GetProperty("amount").GetDecimal();
}

internal static class ResponseExtensions
{
    public static Task<JsonElement> Json(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        response.ContinueWith(r => r.Result.Json(expected)).Unwrap();

    public static Task<JsonElement> Problem(this Task<HttpResponseMessage> response, HttpStatusCode expected, string code) =>
        response.ContinueWith(r => r.Result.Problem(expected, code)).Unwrap();
}

public sealed class PaymentTests_Sqlite(PaymentSqliteOmni omni) : PaymentTests(omni), IClassFixture<PaymentSqliteOmni>;

public sealed class PaymentTests_Postgres(PaymentPostgresOmni omni) : PaymentTests(omni), IClassFixture<PaymentPostgresOmni>;
