using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Customers.Data;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Customers.CustomerSeed;

namespace Omni.IntegrationTests.Customers;

/// <summary>GDPR export and erasure across modules, checked against every text column of every table in the database.</summary>
public abstract class CustomerPrivacyTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    private async Task<(Guid Customer, string Email, string Phone, string Name, string Street, Guid WebOrder, Guid StoreSale)> ShopperWithHistory()
    {
        var (store, sku) = await Shop(_client);
        var email = Email();
        var phone = Phone();
        var name = $"Zoé {Guid.NewGuid():N}";
        var street = $"{Random.Shared.Next(1, 999)} rue {Guid.NewGuid():N}";
        var web = (await WebOrder(_client, sku, email, Spaced(phone), name, street)).GetProperty("id").GetGuid();
        var sale = (await StoreSale(_client, store, sku, null, phone)).GetProperty("id").GetGuid();
        await omni.WaitForSubscribersAsync();
        var id = (await FindByEmail(_client, email))[0].GetProperty("id").GetGuid();
        var device = OmniFactory.Unique("DEV");
        await (await _client.PostJson($"/api/v1/customers/{id}/devices", new { deviceId = device })).Json(HttpStatusCode.OK);
        await Interactions(_client, new { type = "searched", deviceId = device, channel = "web", occurredAt = DateTime.UtcNow, payload = new { query = email } });
        await (await _client.PostJson($"/api/v1/customers/{id}/consents", new { purpose = "email", granted = true, channel = "web" })).Json(HttpStatusCode.Created);
        return (id, email, phone, name, street, web, sale);
    }

    [Fact]
    public async Task An_export_holds_the_personal_data_of_the_customers_and_orders_modules()
    {
        var (id, email, phone, _, street, web, sale) = await ShopperWithHistory();

        var export = await (await _client.GetAsync($"/api/v1/customers/{id}/export")).Json(HttpStatusCode.OK);

        var modules = export.GetProperty("modules");
        var customers = modules.GetProperty("customers");
        Assert.Equal([email], Strings(customers.GetProperty("profile").GetProperty("emails")));
        Assert.Equal([phone], Strings(customers.GetProperty("profile").GetProperty("phones")));
        Assert.Equal(2, customers.GetProperty("purchases").GetArrayLength());
        Assert.Single(customers.GetProperty("interactions").EnumerateArray());
        Assert.Single(customers.GetProperty("consents").EnumerateArray());
        Assert.Equal(2, customers.GetProperty("loyalty").GetArrayLength());
        var orders = modules.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(new[] { web, sale }.Order(), orders.Select(o => o.GetProperty("id").GetGuid()).Order());
        Assert.Contains(orders, o => o.GetProperty("customer").GetProperty("email").GetString() == email
                                     && o.GetProperty("shippingAddress").GetProperty("line1").GetString() == street);
        Assert.Equal(1, await omni.InScope(sp => sp.GetRequiredService<CustomersDbContext>().Audit.CountAsync(a => a.CustomerId == id && a.Action == "export")));
    }

    [Fact]
    public async Task Erasure_leaves_no_personal_data_in_any_table_keeps_the_accounting_and_is_idempotent()
    {
        var (id, email, phone, name, street, web, sale) = await ShopperWithHistory();
        var before = await (await _client.GetAsync($"/api/v1/orders/{web}")).Json(HttpStatusCode.OK);
        var needles = new[] { email, phone, Spaced(phone), name, street };
        Assert.NotEmpty(await FindAnywhere(needles));

        var erased = await (await _client.PostAsync($"/api/v1/customers/{id}/erase", null)).Json(HttpStatusCode.OK);

        Assert.False(erased.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(2, erased.GetProperty("modules").GetProperty("orders").GetInt32());
        Assert.Empty(await FindAnywhere(needles));
        var after = await (await _client.GetAsync($"/api/v1/orders/{web}")).Json(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("total").GetProperty("amount").GetDecimal(), after.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("customer").GetProperty("email").ValueKind);
        Assert.Equal("Lyon", after.GetProperty("shippingAddress").GetProperty("city").GetString());
        await (await _client.GetAsync($"/api/v1/orders/{sale}")).Json(HttpStatusCode.OK);
        await (await _client.GetAsync($"/api/v1/customers/{id}")).Problem(HttpStatusCode.NotFound, "not_found");

        var again = await (await _client.PostAsync($"/api/v1/customers/{id}/erase", null)).Json(HttpStatusCode.OK);
        Assert.True(again.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(erased.GetProperty("erasedAt").GetDateTime(), again.GetProperty("erasedAt").GetDateTime());
        var audit = await (await _client.GetAsync($"/api/v1/customers/{id}/audit")).Json(HttpStatusCode.OK);
        Assert.Equal(2, audit.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("action").GetString() == "erase"));
        Assert.Empty(await FindAnywhere(needles));
    }

    /// <summary>Every (table.column = needle) where a text column of any table contains one of the needles.</summary>
    private Task<List<string>> FindAnywhere(IReadOnlyList<string> needles) => omni.InScope(async sp =>
    {
        var session = sp.GetRequiredService<DbSession>();
        await session.Connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = session.Connection.CreateCommand())
        {
            list.CommandText = session.Provider == DatabaseProvider.Postgres
                ? """
                  SELECT table_name, column_name FROM information_schema.columns
                  WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                  """
                : """
                  SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                  WHERE m.type = 'table' AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%')
                  """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Contains(columns, c => c.Table == "events");
        var hits = new List<string>();
        foreach (var (table, column) in columns)
            foreach (var needle in needles)
            {
                await using var probe = session.Connection.CreateCommand();
                probe.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE lower(CAST(\"{column}\" AS TEXT)) LIKE @needle";
                var parameter = probe.CreateParameter();
                parameter.ParameterName = "@needle";
                parameter.Value = "%" + needle.ToLowerInvariant() + "%";
                probe.Parameters.Add(parameter);
                if (Convert.ToInt64(await probe.ExecuteScalarAsync()) > 0) hits.Add($"{table}.{column} = {needle}");
            }
        return hits;
    });
}

public sealed class CustomerPrivacyTests_Sqlite(SqliteOmni omni) : CustomerPrivacyTests(omni), IClassFixture<SqliteOmni>;

public sealed class CustomerPrivacyTests_Postgres(PostgresOmni omni) : CustomerPrivacyTests(omni), IClassFixture<PostgresOmni>;
