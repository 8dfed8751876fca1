namespace Omni.Bench.Infrastructure;

/// <summary>
/// What the benchmark knows of the retailer, learnt through the API at start: its SKUs, its locations,
/// the country it sells in and its currency. Random orders and lookups are drawn from this.
/// </summary>
internal sealed class Network
{
    private const int MaxSkus = 100_000;

    private readonly (double MinLat, double MaxLat, double MinLon, double MaxLon) _box;

    private Network(IReadOnlyList<string> skus, IReadOnlyList<LocationDto> locations, string currency)
    {
        Skus = skus;
        Locations = locations;
        Currency = currency;
        Country = locations
            .Select(l => l.Address?.Country)
            .OfType<string>()
            .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key.ToUpperInvariant())
            .FirstOrDefault() ?? throw new BenchException("no location has an address with a country");
        InCountry = [.. locations.Where(l => string.Equals(l.Address?.Country, Country, StringComparison.OrdinalIgnoreCase)
                                         && l.Latitude is not null && l.Longitude is not null)];
        if (InCountry.Count == 0) throw new BenchException($"no location in {Country} has coordinates");
        PickupStores = [.. locations.Where(l => l.Can("pickup"))];
        ShipWarehouses = [.. locations.Where(l => l.Can("ship") && string.Equals(l.Type, "warehouse", StringComparison.OrdinalIgnoreCase))];

        // Shipping points are drawn in the box around the country's locations (a little wider when they
        // are few), which keeps them inside the country well enough for sourcing by distance.
        var margin = InCountry.Count < 3 ? 0.5 : 0.0;
        _box = (InCountry.Min(l => l.Latitude!.Value) - margin, InCountry.Max(l => l.Latitude!.Value) + margin,
                InCountry.Min(l => l.Longitude!.Value) - margin, InCountry.Max(l => l.Longitude!.Value) + margin);
    }

    public IReadOnlyList<string> Skus { get; }
    public IReadOnlyList<LocationDto> Locations { get; }
    public IReadOnlyList<LocationDto> InCountry { get; }
    public IReadOnlyList<LocationDto> PickupStores { get; }
    public IReadOnlyList<LocationDto> ShipWarehouses { get; }
    public string Country { get; }
    public string Currency { get; }

    /// <param name="allSkus">false: read only the first page of products (enough to learn the currency).</param>
    public static async Task<Network> DiscoverAsync(OmniApi api, bool allSkus, CancellationToken ct)
    {
        var locations = await api.GetAllAsync<LocationDto>("/api/v1/locations", int.MaxValue, ct);
        if (locations.Count == 0) throw new BenchException("the server has no locations: start it with --seed-demo on an empty database");
        var products = await api.GetAllAsync<ProductDto>("/api/v1/products", allSkus ? MaxSkus : 1, ct);
        var skus = new List<string>();
        foreach (var product in products)
        {
            // A list may carry summaries without variants; the product itself has them.
            var variants = product.Variants
                ?? (await api.GetAsync<ProductDto>($"/api/v1/products/{Uri.EscapeDataString(product.Code)}", ct)).Variants
                ?? [];
            skus.AddRange(variants.Select(v => v.Sku));
        }
        if (allSkus && skus.Count == 0) throw new BenchException("the catalog has no SKUs: start the server with --seed-demo on an empty database");
        var currency = products.SelectMany(p => p.Variants ?? []).Select(v => v.Price?.Currency).OfType<string>().FirstOrDefault() ?? "EUR";
        return new Network(skus, locations, currency);
    }

    public string[] RandomSkus(int count)
    {
        if (Skus.Count <= count) return [.. Skus];
        var picked = new HashSet<string>(StringComparer.Ordinal);
        while (picked.Count < count) picked.Add(Skus[Random.Shared.Next(Skus.Count)]);
        return [.. picked];
    }

    public (double Latitude, double Longitude) RandomPoint() =>
        (Math.Round(_box.MinLat + Random.Shared.NextDouble() * (_box.MaxLat - _box.MinLat), 5),
         Math.Round(_box.MinLon + Random.Shared.NextDouble() * (_box.MaxLon - _box.MinLon), 5));

    /// <summary>A random point in the country, with the city and postal code of one of the retailer's locations there.</summary>
    public ShippingAddress RandomShippingAddress()
    {
        var near = InCountry[Random.Shared.Next(InCountry.Count)].Address;
        var (latitude, longitude) = RandomPoint();
        return new ShippingAddress($"{Random.Shared.Next(1, 200)} Bench Street", near?.City ?? "Bench", near?.PostalCode ?? "00000",
            Country, latitude, longitude);
    }

    public static CustomerRequest RandomCustomer()
    {
        var n = Random.Shared.Next(1_000_000);
        return new CustomerRequest($"bench.{n}@example.com", $"Bench Shopper {n}");
    }
}
