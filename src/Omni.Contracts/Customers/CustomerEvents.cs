using Omni.Common.Events;

namespace Omni.Contracts.Customers;

/// <summary>Two profiles turned out to be one person: <paramref name="From"/> now lives on in <paramref name="Into"/>.</summary>
/// <param name="From">The profile that was merged away; it resolves to <paramref name="Into"/> from now on.</param>
/// <param name="Into">The surviving profile, which now holds both histories and all identities.</param>
public sealed record CustomerMerged(Guid From, Guid Into) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "customer.merged";
}

/// <summary>A customer's personal data was erased in every module (GDPR). Carries no personal data itself.</summary>
/// <param name="CustomerId">The erased profile.</param>
public sealed record CustomerErased(Guid CustomerId) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "customer.erased";
}
