using System.Net;
using System.Text.Json;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Inventory;

/// <summary>
/// Random sequences of what happens to stock — counts, receipts, damage, orders, cancellations, till sales — applied
/// through HTTP to a store and a warehouse, checked against a model of on hand and reservations after every sequence.
/// </summary>
public abstract class LedgerPropertyTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    public abstract record Op;
    public sealed record Count(bool AtStore, int OnHand) : Op;
    public sealed record Receipt(bool AtStore, int Units) : Op;
    public sealed record Damage(bool AtStore, int Units) : Op;
    public sealed record PickupOrder(int Quantity) : Op;
    public sealed record ShipOrder(int Quantity) : Op;
    public sealed record Cancel(int Which) : Op;
    public sealed record TillSale(int Quantity) : Op;

    public sealed record Scenario(int StoreOnHand, int StoreSafety, int WarehouseOnHand, Op[] Ops)
    {
        public override string ToString() => $"store {StoreOnHand} (safety {StoreSafety}), warehouse {WarehouseOnHand}: {string.Join(", ", Ops.Select(o => o.ToString()))}";
    }

    private static readonly Gen<Op> AnyOp = Gen.Frequency<Op>(
        (2, Gen.Select(Gen.Bool, Gen.Int[0, 8], (s, n) => (Op)new Count(s, n))),
        (2, Gen.Select(Gen.Bool, Gen.Int[1, 5], (s, n) => (Op)new Receipt(s, n))),
        (2, Gen.Select(Gen.Bool, Gen.Int[1, 3], (s, n) => (Op)new Damage(s, n))),
        (3, Gen.Int[1, 4].Select(n => (Op)new PickupOrder(n))),
        (3, Gen.Int[1, 6].Select(n => (Op)new ShipOrder(n))),
        (2, Gen.Int[0, 10].Select(n => (Op)new Cancel(n))),
        (2, Gen.Int[1, 3].Select(n => (Op)new TillSale(n))));

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 2], Gen.Int[0, 8], AnyOp.Array[15], (s, ss, w, ops) => new Scenario(s, ss, w, ops));

    [Fact]
    public async Task Any_sequence_of_stock_operations_keeps_the_ledger_the_reservations_and_the_promises_true() =>
        await Scenarios.SampleAsync(Run, iter: 20, threads: 1);

    private async Task Run(Scenario scenario)
    {
        var store = await ApiSeed.Location(_api, "STORE", lat: 45.76, lon: 4.83);
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", lat: 48.85, lon: 2.35, capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        var model = new Model(store, warehouse);

        await Apply(model, sku, new Count(true, scenario.StoreOnHand), safetyStock: scenario.StoreSafety);
        await Apply(model, sku, new Count(false, scenario.WarehouseOnHand), safetyStock: 0);
        foreach (var op in scenario.Ops) await Apply(model, sku, op);

        await AssertAgainstDatabase(model, sku);
    }

    private async Task Apply(Model model, string sku, Op op, int? safetyStock = null)
    {
        switch (op)
        {
            case Count(var atStore, var onHand):
                var counted = model.At(atStore);
                await (await _api.PutJson($"/api/v1/inventory/{counted}/{sku}", new { onHand, safetyStock })).Json(HttpStatusCode.OK);
                model.Fact(counted, onHand - model.OnHand[counted]);
                if (safetyStock is { } safety) model.Safety[counted] = safety;
                await FollowResourcing(model);
                break;
            case Receipt(var atStore, var units):
                await Move(model.At(atStore), units, "receipt");
                model.Fact(model.At(atStore), units);
                break;
            case Damage(var atStore, var units):
                await Move(model.At(atStore), -units, "damage");
                model.Fact(model.At(atStore), -units);
                await FollowResourcing(model);
                break;
            case PickupOrder(var quantity):
                await Place(model, Pickup(model.Store, (sku, quantity)), model.Available(model.Store) >= quantity);
                break;
            case ShipOrder(var quantity):
                await Place(model, Ship("web", (sku, quantity)), model.Available(model.Store) + model.Available(model.Warehouse) >= quantity);
                break;
            case Cancel(var which) when model.Open.Count > 0:
                var order = model.Open[which % model.Open.Count];
                var cancelled = await (await _api.PostJson($"/api/v1/orders/{order.Id}/cancel", new { reason = "property" })).Json(HttpStatusCode.OK);
                Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
                model.Open.Remove(order);
                break;
            case TillSale(var quantity):
                await (await _api.PostJson($"/api/v1/stores/{model.Store}/sales", new
                {
                    lines = new[] { new { sku, quantity, unitPrice = new { amount = 9.99m, currency = "EUR" } } },
                }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
                model.Fact(model.Store, -quantity);
                await FollowResourcing(model);
                break;
        }

        async Task Move(string location, int delta, string reason) =>
            await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = location, sku, delta, reason })).Json(HttpStatusCode.Created);
    }

    /// <summary>
    /// A fact that left promises uncovered makes Orders source those units again (or cancel them) in the background: wait
    /// for it, then take the orders' allocations as they are now. The fulfillment tests check the re-sourcing itself.
    /// </summary>
    private async Task FollowResourcing(Model model)
    {
        await omni.WaitForSubscribersAsync();
        foreach (var open in model.Open.ToList())
        {
            var order = await (await _api.GetAsync($"/api/v1/orders/{open.Id}")).Json(HttpStatusCode.OK);
            model.Open.Remove(open);
            if (order.GetProperty("status").GetString() == "cancelled") continue;
            model.Open.Add(open with { Allocations = Allocations(order) });
        }
    }

    private static Dictionary<string, int> Allocations(JsonElement order) =>
        order.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("allocations").EnumerateArray())
            .GroupBy(a => a.GetProperty("locationCode").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.GetProperty("quantity").GetInt32()));

    private async Task Place(Model model, object request, bool fits)
    {
        var response = await _api.PostJson("/api/v1/orders", request, Guid.NewGuid().ToString());
        if (!fits)
        {
            await response.Problem(HttpStatusCode.Conflict, "insufficient_stock");
            return;
        }
        var order = await response.Json(HttpStatusCode.Created);
        var allocations = Allocations(order);
        foreach (var (location, quantity) in allocations)
            Assert.True(quantity <= model.Available(location), $"{quantity} allocated at {location} where only {model.Available(location)} were available");
        model.Open.Add(new OpenOrder(order.GetProperty("id").GetGuid(), allocations));
    }

    private async Task AssertAgainstDatabase(Model model, string sku) => await omni.InScope(async services =>
    {
        var db = services.GetRequiredService<InventoryDbContext>();
        var positions = await db.Positions.AsNoTracking().Where(p => p.Sku == sku).ToDictionaryAsync(p => p.LocationCode);
        var ledger = await db.Movements.AsNoTracking().Where(m => m.Sku == sku).GroupBy(m => m.LocationCode)
            .Select(g => new { Location = g.Key, Sum = g.Sum(m => m.Delta) }).ToDictionaryAsync(x => x.Location, x => x.Sum);
        var reserved = await db.Reservations.AsNoTracking().Where(r => r.Sku == sku && r.Status == ReservationStatus.Active).GroupBy(r => r.LocationCode)
            .Select(g => new { Location = g.Key, Sum = g.Sum(r => r.Quantity) }).ToDictionaryAsync(x => x.Location, x => x.Sum);
        var oversold = (await db.Outbox.AsNoTracking().Where(e => e.Type == "inventory.oversold" && e.Data.Contains(sku)).Select(e => e.Data).ToListAsync())
            .Select(data => JsonDocument.Parse(data).RootElement)
            .Where(e => e.GetProperty("sku").GetString() == sku)
            .Select(e => e.GetProperty("locationCode").GetString()!).ToHashSet();

        foreach (var location in new[] { model.Store, model.Warehouse })
        {
            var position = positions[location];
            Assert.Equal(model.OnHand[location], position.OnHand);
            Assert.Equal(position.OnHand, ledger.GetValueOrDefault(location));
            Assert.Equal(model.Reserved(location), position.Reserved);
            Assert.Equal(position.Reserved, reserved.GetValueOrDefault(location));
            Assert.Equal(model.Safety[location], position.SafetyStock);
            // A count may leave a store below its safety stock with nothing promised: only promises beyond what is sellable count.
            if (position.Reserved > Math.Max(0, position.OnHand - position.SafetyStock))
                Assert.True(model.DrivenDown.Contains(location), $"{location}: {position.Reserved} reserved of {position.OnHand} on hand (safety {position.SafetyStock}) though no fact took stock away");
        }
        Assert.Equal(model.Oversold.Order(StringComparer.Ordinal), oversold.Order(StringComparer.Ordinal));
        return true;
    });

    private sealed record OpenOrder(Guid Id, Dictionary<string, int> Allocations);

    /// <summary>What the API should believe: on hand per location from the facts, reserved from the accepted orders still open.</summary>
    private sealed class Model(string store, string warehouse)
    {
        public string Store { get; } = store;
        public string Warehouse { get; } = warehouse;
        public Dictionary<string, int> OnHand { get; } = new() { [store] = 0, [warehouse] = 0 };
        public Dictionary<string, int> Safety { get; } = new() { [store] = 0, [warehouse] = 0 };
        public List<OpenOrder> Open { get; } = [];
        /// <summary>Locations where a fact left reservations uncovered: each must have raised inventory.oversold.</summary>
        public HashSet<string> Oversold { get; } = [];
        /// <summary>Locations where a fact took stock away, the only way promises may exceed what is left.</summary>
        public HashSet<string> DrivenDown { get; } = [];

        public string At(bool atStore) => atStore ? Store : Warehouse;

        public int Reserved(string location) => Open.Sum(o => o.Allocations.GetValueOrDefault(location));

        public int Available(string location) => Math.Max(0, OnHand[location] - Reserved(location) - Safety[location]);

        public void Fact(string location, int delta)
        {
            OnHand[location] += delta;
            if (delta < 0) DrivenDown.Add(location);
            if (OnHand[location] < Reserved(location)) Oversold.Add(location);
        }
    }
}

public sealed class LedgerPropertyTests_Sqlite(SqliteOmni omni) : LedgerPropertyTests(omni), IClassFixture<SqliteOmni>;

public sealed class LedgerPropertyTests_Postgres(PostgresOmni omni) : LedgerPropertyTests(omni), IClassFixture<PostgresOmni>;
