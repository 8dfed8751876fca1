using System.CommandLine;
using Omni.Bench.Infrastructure;
using Omni.Bench.Scenarios;

var url = new Option<string>("--url")
{
    Description = "Base address of the running Omni server",
    DefaultValueFactory = _ => "http://127.0.0.1:5080",
    Recursive = true,
};
var key = new Option<string?>("--key")
{
    // No DefaultValueFactory: help would print the key.
    Description = "API key (Bearer); default: the OMNI_API_KEY environment variable",
    Recursive = true,
};
var clients = new Option<int>("--clients") { Description = "Concurrent clients", DefaultValueFactory = _ => 32, Recursive = true };
var duration = new Option<int>("--duration") { Description = "Measured seconds", DefaultValueFactory = _ => 30, Recursive = true };
var warmup = new Option<int>("--warmup") { Description = "Warm-up seconds (not measured)", DefaultValueFactory = _ => 5, Recursive = true };
var output = new Option<string?>("--out") { Description = "Append a markdown section to this file, e.g. docs/benchmarks.md", Recursive = true };
var label = new Option<string>("--label")
{
    Description = "What is measured, e.g. SQLite or PostgreSQL",
    DefaultValueFactory = _ => "unlabelled",
    Recursive = true,
};
var serverPid = new Option<int?>("--server-pid")
{
    Description = "The server's process id when it runs on this machine: its CPU per request is then reported",
    Recursive = true,
};
var buyers = new Option<int>("--buyers") { Description = "Concurrent buyers of the hot SKU", DefaultValueFactory = _ => 1000 };
var stock = new Option<int>("--stock") { Description = "Units of the hot SKU on hand", DefaultValueFactory = _ => 100 };
var batch = new Option<int>("--batch") { Description = "Interactions per request (at most 1000)", DefaultValueFactory = _ => 1000 };

var root = new RootCommand("Load benchmarks for a running Omni server, through its public HTTP API only.")
{
    Options = { url, key, clients, duration, warmup, output, label, serverPid },
};

BenchSettings Settings(ParseResult parse, bool needsServer = true)
{
    var settings = new BenchSettings(
        new Uri(parse.GetValue(url)!, UriKind.Absolute),
        parse.GetValue(key) ?? Environment.GetEnvironmentVariable("OMNI_API_KEY"),
        parse.GetValue(clients),
        TimeSpan.FromSeconds(parse.GetValue(duration)),
        TimeSpan.FromSeconds(parse.GetValue(warmup)),
        parse.GetValue(output),
        parse.GetValue(label)!,
        args,
        parse.GetValue(serverPid));
    settings.Validate(needsServer);
    return settings;
}

var orders = new Command("orders", "Order placement throughput and latency: 2-line orders, mixed ship and pickup");
orders.SetAction((parse, ct) => BenchCommand.RunAsync(() => OrdersScenario.RunAsync(Settings(parse), ct)));

var availability = new Command("availability", "Availability lookups for 5 random SKUs around a random point");
availability.SetAction((parse, ct) => BenchCommand.RunAsync(() => AvailabilityScenario.RunAsync(Settings(parse), ct)));

var hotSku = new Command("hotsku", "Many buyers race for one SKU with little stock: exactly the stock must be sold")
{
    Options = { buyers, stock },
};
hotSku.SetAction((parse, ct) => BenchCommand.RunAsync(
    () => HotSkuScenario.RunAsync(Settings(parse), parse.GetValue(buyers), parse.GetValue(stock), ct)));

var quoteLines = new Option<int>("--lines") { Description = "Lines in the basket", DefaultValueFactory = _ => 20 };
var promotionCount = new Option<int>("--promotions") { Description = "Active promotions", DefaultValueFactory = _ => 200 };
var quote = new Command("quote", "The pricing engine in process: one quote of a basket against every active promotion, on one thread")
{
    Options = { quoteLines, promotionCount },
};
quote.SetAction((parse, ct) => BenchCommand.RunAsync(
    () => QuoteScenario.RunAsync(Settings(parse, needsServer: false), parse.GetValue(quoteLines), parse.GetValue(promotionCount), ct)));
var sourcingOrders = new Option<int>("--orders") { Description = "Random orders for the quality comparison", DefaultValueFactory = _ => 1000 };
var sourcingSamples = new Option<int>("--samples") { Description = "5-line orders timed", DefaultValueFactory = _ => 5000 };
var sourcing = new Command("sourcing", "Sourcing in process on the demo network: optimizer vs exact optimum vs nearest baseline, and its speed (no server)")
{
    Options = { sourcingOrders, sourcingSamples },
};
sourcing.SetAction((parse, ct) => BenchCommand.RunAsync(
    () => SourcingScenario.RunAsync(parse.GetValue(sourcingOrders), parse.GetValue(sourcingSamples), parse.GetValue(output), args)));
var interactions = new Command("interactions", "Interaction ingestion: batches of browsing events; reports interactions stored per second")
{
    Options = { batch },
};
interactions.SetAction((parse, ct) => BenchCommand.RunAsync(() => InteractionsScenario.RunAsync(Settings(parse), parse.GetValue(batch), ct)));

var productPage = new Command("product-page", "Storefront product pages (GET /p/{code}) as browsers ask for them, half with a my-store cookie");
productPage.SetAction((parse, ct) => BenchCommand.RunAsync(() => ProductPageScenario.RunAsync(Settings(parse), ct)));

root.Subcommands.Add(orders);
root.Subcommands.Add(sourcing);
root.Subcommands.Add(availability);
root.Subcommands.Add(hotSku);
root.Subcommands.Add(quote);
root.Subcommands.Add(interactions);
root.Subcommands.Add(productPage);

return await root.Parse(args).InvokeAsync();
