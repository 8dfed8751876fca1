using System.Security.Claims;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Contracts.Customers;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record ResolveCustomerRequest(string? Email, string? Phone, string? Name, string? LoyaltyId, List<string>? DeviceIds);

public sealed record ResolvedCustomer(bool Created, CustomerProfile Customer);

/// <summary>
/// A channel (POS at the till, the web shop at sign-up, the call center) hands over what it knows about a shopper and gets
/// the one profile back: found by any identity, created when none matches.
/// </summary>
internal static class ResolveCustomer
{
    public const int MaxDevices = 20;

    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapPost("/", Handle).WithName(nameof(ResolveCustomer));

    internal static async Task<IResult> Handle(ResolveCustomerRequest request, ClaimsPrincipal user, CustomersDbContext db, DbSession session,
        ICustomerDirectory directory, IOptions<CustomerOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request, options.Value.DefaultPhoneRegion);
        if (!errors.IsValid) return errors.ToProblem();

        var mask = PersonalDataAccess.MustMask(user);
        var (resolution, profile) = await session.InTransactionAsync(async () =>
        {
            var resolved = await directory.ResolveAsync(new CustomerIdentities(request.Email, request.Phone, request.LoyaltyId, request.DeviceIds, request.Name), ct);
            var customer = (await CustomerDirectory.LiveAsync(db, resolved.CustomerId, ct))!;
            if (!mask) PersonalDataAccess.Audit(db, user, AuditActions.Read, customer.Id, "resolve", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return (resolved, await PersonalDataAccess.ProfileAsync(db, customer, mask, ct));
        }, ct);
        var body = new ResolvedCustomer(resolution.Created, profile);
        return resolution.Created ? TypedResults.Created($"/api/v1/customers/{profile.Id}", body) : TypedResults.Ok(body);
    }

    private static Validator Validate(ResolveCustomerRequest request, string? region)
    {
        var errors = new Validator();
        errors.Optional("name", request.Name);
        if (request.Email is not null && Identities.Email(request.Email) is null) errors.Add("email", "must be an e-mail address.");
        if (request.Phone is not null && Identities.Phone(request.Phone, region) is null)
            errors.Add("phone", "must be a phone number with its country code, e.g. +33612345678.");
        if (request.LoyaltyId is not null && Identities.Token(request.LoyaltyId) is null) errors.Add("loyaltyId", "must be 1 to 128 printable characters without spaces.");
        if (request.DeviceIds is { } devices)
        {
            if (devices.Count > MaxDevices) errors.Add("deviceIds", $"must contain at most {MaxDevices} devices.");
            for (var i = 0; i < devices.Count && i < MaxDevices; i++)
                if (Identities.Token(devices[i]) is null) errors.Add($"deviceIds[{i}]", "must be 1 to 128 printable characters without spaces.");
        }
        if (errors.IsValid && request.Email is null && request.Phone is null && request.LoyaltyId is null && request.DeviceIds is not { Count: > 0 })
            errors.Add("email", "give at least one of email, phone, loyaltyId or deviceIds.");
        return errors;
    }
}
