using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Features;

namespace Omni.Web.Account;

/// <summary>
/// The shopper downloads their personal data: the Customers module's GDPR export of their own profile, as the JSON file
/// the API answers. A POST with the antiforgery token, so another site cannot make a signed-in browser ask for it.
/// </summary>
internal static class ExportDownload
{
    public const string Path = "/account/export";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, Handle).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization(WebPolicies.Shopper).ExcludeFromDescription();

    private static async Task<IResult> Handle(HttpContext http, ShopperProfile profile, CustomersDbContext db, IEnumerable<IPersonalDataContributor> contributors,
        TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await profile.CustomerIdAsync(ct) is not { } id) return Results.NotFound();
        var export = (await ExportCustomer.Handle(id, http.User, db, contributors, clock, ct)).Read<PersonalDataExport>();
        return export.Value is { } data
            ? Results.File(JsonSerializer.SerializeToUtf8Bytes(data, json.Value.SerializerOptions), "application/json", $"omni-personal-data-{data.ExportedAt:yyyyMMdd}.json")
            : Results.NotFound();
    }
}
