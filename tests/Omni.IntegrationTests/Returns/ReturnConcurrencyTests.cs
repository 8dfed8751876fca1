using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Returns.Data;
using static Omni.IntegrationTests.Returns.ReturnSeed;

namespace Omni.IntegrationTests.Returns;

/// <summary>Parallel returns of the same order line hammer the real database: never more back than was bought.</summary>
public abstract class ReturnConcurrencyTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task Parallel_returns_of_one_line_never_take_back_more_than_was_bought()
    {
        const int Bought = 5, Attempts = 24;
        var sku = await Product(_api, "toys", 12.5m);
        var (orderId, _) = await WebOrder(_api, sku, Bought);
        var stores = new[] { await ApiSeed.Location(_api, "A"), await ApiSeed.Location(_api, "B"), await ApiSeed.Location(_api, "C") };

        var responses = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i =>
            _api.PostJson("/api/v1/returns", Return(orderId, stores[i % stores.Length], (sku, i % 4 == 0 ? 2 : 1, i % 3 == 0 ? "damaged" : "sellable")),
                Guid.NewGuid().ToString())));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            await refused.Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        var accepted = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Json(HttpStatusCode.Created)));
        var units = accepted.Sum(r => r.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32()));
        Assert.True(units <= Bought, $"{units} units came back of {Bought} bought");
        Assert.True(units >= Bought - 1, $"only {units} of {Bought} came back: the guard refused returns it should have taken");

        // What moved into the stores is exactly what the accepted returns say, and refunds add up to their units.
        var moved = 0;
        foreach (var store in stores)
        {
            var position = await ApiSeed.Position(_api, store, sku);
            moved += position.GetProperty("onHand").GetInt32() + position.GetProperty("unsellable").GetInt32();
        }
        Assert.Equal(units, moved);
        Assert.Equal(units * 12.5m, accepted.Sum(r => r.GetProperty("refund").GetProperty("amount").Amount()));
        var counted = await omni.InScope(services => services.GetRequiredService<ReturnsDbContext>().ReturnedQuantities.AsNoTracking()
            .Where(q => q.OrderId == orderId).SumAsync(q => q.Returned));
        Assert.Equal(units, counted);
    }

    [Fact]
    public async Task Parallel_retries_with_one_key_make_one_return()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 3);
        var store = await ApiSeed.Location(_api, "STORE");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 2, "sellable")), key)));

        var ids = new HashSet<Guid>();
        foreach (var response in responses) ids.Add((await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.Single(ids);
        Assert.Equal(2, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
    }
}

public sealed class ReturnConcurrencyTests_Sqlite(SqliteOmni omni) : ReturnConcurrencyTests(omni), IClassFixture<SqliteOmni>;

public sealed class ReturnConcurrencyTests_Postgres(PostgresOmni omni) : ReturnConcurrencyTests(omni), IClassFixture<PostgresOmni>;
