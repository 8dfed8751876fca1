using Bogus;
using Omni.Common;
using Omni.Contracts.Catalog;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Spectre.Console;

namespace Omni.Server.Demo;

/// <summary>
/// Seeds a realistic, deterministic retailer into an empty database: 50 stores and 3 warehouses in France,
/// 1,100 products with 5,000+ SKUs and valid GTINs, and stock everywhere with a realistic spread (some out of stock).
/// Goes through the same import use cases an ERP would call, so the demo data obeys every rule real data does.
/// </summary>
internal static class DemoRetailer
{
    private const int Seed = 20261123;
    private const int ProductCount = 1100;

    private static readonly (string Category, string[] Nouns, int MinPrice, int MaxPrice, string[] Sizes)[] Departments =
    [
        ("apparel/tops", ["tee", "shirt", "sweater", "hoodie", "polo"], 9, 79, ["XS", "S", "M", "L", "XL"]),
        ("apparel/bottoms", ["jeans", "chinos", "shorts", "skirt", "joggers"], 19, 99, ["36", "38", "40", "42", "44"]),
        ("shoes", ["sneakers", "boots", "loafers", "sandals"], 29, 149, ["39", "40", "41", "42", "43", "44"]),
        ("home/kitchen", ["mug", "pan", "knife set", "bowl", "kettle"], 5, 89, []),
        ("home/decor", ["cushion", "lamp", "vase", "frame", "rug"], 9, 129, []),
        ("beauty", ["shampoo", "serum", "cream", "perfume"], 4, 69, []),
        ("sports", ["yoga mat", "dumbbell", "running jacket", "water bottle"], 7, 119, ["S", "M", "L"]),
    ];

    private static readonly string[] Colors = ["black", "white", "navy", "grey", "red", "green", "beige"];
    private static readonly string[] Brands = ["Omni", "Atelier Nord", "Maison Rive", "Vela", "Kerria", "Solstice", "Brume"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if ((await scope.ServiceProvider.GetRequiredService<ILocationDirectory>().AllAsync(ct)).Count > 0)
            {
                AnsiConsole.MarkupLine("[yellow]The database already holds locations; the demo retailer is seeded only into an empty database.[/]");
                return;
            }
        }

        var faker = new Faker("fr") { Random = new Randomizer(Seed) };
        var locations = Locations();
        var products = Products(faker);
        var skus = products.SelectMany(p => p.Variants).Select(v => v.Sku).ToList();
        var bins = Bins(products);
        var started = System.Diagnostics.Stopwatch.StartNew();

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var network = progress.AddTask($"Locations ({locations.Count})", maxValue: locations.Count);
                var catalog = progress.AddTask($"Products ({products.Count}, {skus.Count} SKUs)", maxValue: products.Count);
                var stock = progress.AddTask($"Stock ({locations.Count} × {skus.Count})", maxValue: locations.Count);

                await InScope(services, s => s.GetRequiredService<ILocationImport>().ImportAsync(locations, ct));
                network.Increment(locations.Count);

                foreach (var batch in products.Chunk(ICatalogImport.MaxBatch))
                {
                    await InScope(services, s => s.GetRequiredService<ICatalogImport>().ImportAsync(batch, ct));
                    catalog.Increment(batch.Length);
                }

                foreach (var (location, index) in locations.Select((l, i) => (l, i)))
                {
                    var lines = StockFor(location, skus, new Random(Seed + index));
                    await InScope(services, s => s.GetRequiredService<IStockSnapshots>().ApplyAsync(location.Code, lines, "demo-seeder", ct));
                    if (location.Type == LocationType.Store)
                        await InScope(services, s => s.GetRequiredService<IStockBins>().AssignAsync(location.Code, [.. lines.Select(l => new BinAssignment(l.Sku, bins[l.Sku]))], ct));
                    stock.Increment(1);
                }
            });
        AnsiConsole.MarkupLine($"[green]Demo retailer seeded[/] in {started.Elapsed.TotalSeconds:F1} s: {locations.Count} locations, {products.Count} products, {skus.Count} SKUs.");
    }

    /// <summary>The demo network, SKUs and stock exactly as <see cref="SeedAsync"/> writes them, in memory (for in-process benchmarks).</summary>
    internal static (List<ImportedLocation> Locations, List<string> Skus, List<(string Location, SnapshotLine Line)> Stock) Generate()
    {
        var locations = Locations();
        var skus = Products(new Faker("fr") { Random = new Randomizer(Seed) }).SelectMany(p => p.Variants).Select(v => v.Sku).ToList();
        var stock = locations.SelectMany((l, i) => StockFor(l, skus, new Random(Seed + i)).Select(line => (l.Code, line))).ToList();
        return (locations, skus, stock);
    }

    private static async Task InScope(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static List<ImportedLocation> Locations()
    {
        var storeCapabilities = new[] { LocationCapability.Ship, LocationCapability.Pickup, LocationCapability.Curbside, LocationCapability.Returns, LocationCapability.ShipToStore };
        var hours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday).Select(d => new ImportedOpeningHours(d, "09:30", "19:30")).ToList();
        var stores = DemoNetwork.Stores.Select((p, i) => new ImportedLocation(
            $"STORE-{Slug(p.City)}-{i + 1:D2}", $"Omni {p.City}", LocationType.Store,
            new ImportedAddress($"{10 + i} rue du Commerce", null, p.City, p.PostalCode, "FR"), p.Latitude, p.Longitude, "Europe/Paris",
            // Every fifth store is small: it sells and takes returns but does not ship or offer curbside.
            i % 5 == 4 ? [LocationCapability.Pickup, LocationCapability.Returns] : storeCapabilities,
            i % 5 == 4 ? 40 : 150, hours));
        var warehouses = DemoNetwork.Warehouses.Select((p, i) => new ImportedLocation(
            $"DC-{Slug(p.City)}", $"Omni DC {p.City}", LocationType.Warehouse,
            new ImportedAddress("Zone logistique", null, p.City, p.PostalCode, "FR"), p.Latitude, p.Longitude, "Europe/Paris",
            [LocationCapability.Ship], 5000));
        return [.. stores, .. warehouses];
    }

    private static List<ImportedProduct> Products(Faker faker)
    {
        var products = new List<ImportedProduct>(ProductCount);
        var gtin = 0L;
        for (var p = 0; p < ProductCount; p++)
        {
            var (category, nouns, min, max, sizes) = Departments[p % Departments.Length];
            var noun = faker.PickRandom(nouns);
            var brand = faker.PickRandom(Brands);
            var code = $"P{p + 1:D5}";
            var name = $"{faker.Commerce.ProductAdjective()} {noun}";
            var price = new MoneyDto(faker.Random.Int(min, max) + 0.99m, "EUR");
            var colors = faker.PickRandom(Colors, sizes.Length == 0 ? faker.Random.Int(2, 5) : faker.Random.Int(1, 2)).ToList();
            var variants = (sizes.Length == 0 ? colors.Select(c => (Color: c, Size: (string?)null)) : colors.SelectMany(c => sizes.Select(s => (Color: c, Size: (string?)s))))
                .Select(v => new ImportedVariant(
                    $"{code}-{v.Color.ToUpperInvariant()}{(v.Size is null ? "" : "-" + v.Size)}",
                    Gtin13(++gtin),
                    v.Size is null ? v.Color : $"{v.Size} {v.Color}",
                    v.Size is null ? new Dictionary<string, string> { ["color"] = v.Color } : new Dictionary<string, string> { ["color"] = v.Color, ["size"] = v.Size },
                    price))
                .ToList();
            products.Add(new ImportedProduct(code, $"{brand} {name}", brand, category, faker.Commerce.ProductDescription(), variants));
        }
        return products;
    }

    /// <summary>
    /// One planogram for every store: a department per aisle (A, B, …), a product's bay in that aisle, and its variants
    /// on the shelves of the bay, so <c>C07-3</c> is aisle C, bay 7, shelf 3 and labels sort in walking order.
    /// </summary>
    private static Dictionary<string, string> Bins(List<ImportedProduct> products) =>
        products.SelectMany((p, i) => p.Variants.Select((v, j) =>
                (v.Sku, Bin: $"{(char)('A' + i % Departments.Length)}{i / Departments.Length % 24 + 1:D2}-{j % 5 + 1}")))
            .ToDictionary(x => x.Sku, x => x.Bin, StringComparer.Ordinal);

    /// <summary>Warehouses carry almost everything deep; stores carry a varying assortment a few units deep, some of it sold out.</summary>
    private static List<SnapshotLine> StockFor(ImportedLocation location, List<string> skus, Random random)
    {
        var warehouse = location.Type == LocationType.Warehouse;
        var lines = new List<SnapshotLine>();
        foreach (var sku in skus)
        {
            if (random.NextDouble() > (warehouse ? 0.95 : 0.6)) continue;
            var soldOut = random.NextDouble() < (warehouse ? 0.03 : 0.08);
            var onHand = soldOut ? 0 : warehouse ? random.Next(20, 600) : random.Next(1, 14);
            lines.Add(new SnapshotLine(sku, onHand, warehouse ? 5 : random.Next(0, 2)));
        }
        return lines;
    }

    /// <summary>A GTIN-13 in the French GS1 prefix range (300–379) with its check digit.</summary>
    private static string Gtin13(long sequence)
    {
        var body = $"376{sequence:D9}";
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + (char)('0' + (10 - sum % 10) % 10);
    }

    // The server runs with invariant globalization, where string.Normalize cannot decompose accents: fold the French ones by hand.
    private const string Accented = "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜàâäçéèêëîïôöùûü";
    private const string Folded = "AAACEEEEIIOOUUUaaaceeeeiioouuu";

    private static string Slug(string city) =>
        new(city.Select(c => Accented.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? Folded[i] : c)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == ' ')
            .Select(c => c == ' ' ? '-' : char.ToUpperInvariant(c)).ToArray());
}
