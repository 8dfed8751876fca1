using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record LinkDeviceRequest(string? DeviceId);

public sealed record DeviceLinked(Guid CustomerId, string DeviceId, int InteractionsJoined);

/// <summary>
/// The shopper signed in on a device: the device becomes theirs (the last sign-in wins on a shared device), and what it
/// did anonymously joins their profile. Interactions already attributed to someone else stay with them.
/// </summary>
internal static class LinkDevice
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapPost("/{id:guid}/devices", Handle).WithName(nameof(LinkDevice));

    internal static async Task<IResult> Handle(Guid id, LinkDeviceRequest request, CustomersDbContext db, DbSession session, CustomerDirectory directory,
        CancellationToken ct)
    {
        var deviceId = Identities.Token(request.DeviceId);
        if (deviceId is null) return new Validator().Add("deviceId", "is required: 1 to 128 printable characters without spaces.").ToProblem();
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());

        var joined = await session.InTransactionAsync(async () =>
        {
            await directory.LinkDeviceAsync(customer.Id, deviceId, ct);
            return await db.Interactions.Where(i => i.DeviceId == deviceId && i.CustomerId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customer.Id), ct);
        }, ct);
        return TypedResults.Ok(new DeviceLinked(customer.Id, deviceId, joined));
    }
}
