using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Fulfillment.FulfillmentApi;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>Store actions with an Idempotency-Key: a tablet that lost its answer retries and gets it, nothing happens twice.</summary>
public abstract class FulfillmentIdempotencyTests(OmniFactory omni)
{
    private readonly HttpClient _admin = omni.Admin();
    private FulfillmentApi Api => new(_admin);

    [Fact]
    public async Task A_retried_action_with_its_key_answers_as_the_first_time_and_another_body_under_that_key_is_refused()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 10m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 3)));
        var id = Id(await Api.Single(order));
        var pick = new { lines = new[] { new { orderLineId = LineId(order), quantity = 3 } } };

        var picked = await (await Action(id, "pick", pick, "pick-1")).Json(HttpStatusCode.OK);
        var pickedAgain = await (await Action(id, "pick", pick, "pick-1")).Json(HttpStatusCode.OK);
        await (await Action(id, "pick", new { lines = new[] { new { orderLineId = LineId(order), quantity = 2 } } }, "pick-1"))
            .Problem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var ready = await (await Action(id, "ready", null, "ready-1")).Json(HttpStatusCode.OK);
        var readyAgain = await (await Action(id, "ready", null, "ready-1")).Json(HttpStatusCode.OK);
        var code = ready.GetProperty("pickupCode").GetString();
        var handedOver = await (await Action(id, "handover", new { pickupCode = code }, "handover-1")).Json(HttpStatusCode.OK);
        var handedOverAgain = await (await Action(id, "handover", new { pickupCode = code }, "handover-1")).Json(HttpStatusCode.OK);
        await (await Action(id, "handover", new { pickupCode = code }, key: null)).Problem(HttpStatusCode.Conflict, "invalid_transition");

        Assert.Equal(("picking", "picking"), (Status(picked), Status(pickedAgain)));
        Assert.Equal(code, readyAgain.GetProperty("pickupCode").GetString());
        Assert.Equal(("picked_up", "picked_up"), (Status(handedOver), Status(handedOverAgain)));
        Assert.Equal((2, 0), await Api.Position(store, sku));
        await omni.WaitForSubscribersAsync();
        Assert.Single(await Api.Events("fulfillment.picked", order));
        Assert.Single(await Api.Events("fulfillment.ready_for_pickup", order));
        Assert.Single(await Api.Events("fulfillment.handed_over", order));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Parallel_retries_of_one_shipment_under_one_key_all_get_the_shipped_fulfillment_and_the_stock_leaves_once()
    {
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 45.76, 4.83, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 10m);
        await ApiSeed.Stock(_admin, warehouse, sku, 5);
        var order = await Api.PlaceOrder(Ship("web", (sku, 2)));
        var id = Id(await Api.Single(order));
        await Api.Do(id, "pick");
        await Api.Do(id, "pack");
        var body = new { carrier = "DHL", trackingNumber = "JD0001" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await Action(id, "ship", body, "ship-1");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("shipped", JsonDocument.Parse(a.Item2).RootElement.GetProperty("status").GetString()));
        Assert.Equal((3, 0), await Api.Position(warehouse, sku));
        await omni.WaitForSubscribersAsync();
        Assert.Single(await Api.Events("fulfillment.shipped", order));
        await StockInvariants.AssertAsync(omni);
    }

    private Task<HttpResponseMessage> Action(Guid id, string action, object? body, string? key) =>
        _admin.PostJson($"/api/v1/fulfillments/{id}/{action}", body ?? new { }, key);
}

public sealed class FulfillmentIdempotencyTests_Sqlite(SqliteOmni omni) : FulfillmentIdempotencyTests(omni), IClassFixture<SqliteOmni>;

public sealed class FulfillmentIdempotencyTests_Postgres(PostgresOmni omni) : FulfillmentIdempotencyTests(omni), IClassFixture<PostgresOmni>;
