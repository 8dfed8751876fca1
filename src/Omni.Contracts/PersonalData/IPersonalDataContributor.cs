namespace Omni.Contracts.PersonalData;

/// <summary>Whom a GDPR request is about: every identity the Customers module knows for the person.</summary>
/// <param name="CustomerId">The customer profile.</param>
/// <param name="Emails">E-mail addresses, lower-cased.</param>
/// <param name="Phones">Phone numbers in E.164.</param>
/// <param name="LoyaltyIds">Loyalty ids.</param>
/// <param name="DeviceIds">Linked devices.</param>
public sealed record DataSubject(Guid CustomerId, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<string> LoyaltyIds, IReadOnlyList<string> DeviceIds);

/// <summary>
/// A module that keeps personal data. The Customers module asks every contributor for its part of an export and has
/// each erase its part, in one transaction on the request's connection (<c>DbSession</c>).
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>The module's name, the key of its section in an export, e.g. <c>orders</c>.</summary>
    string Module { get; }

    /// <summary>Everything the module holds about the subject, as a JSON-serializable value.</summary>
    Task<object> ExportAsync(DataSubject subject, CancellationToken ct);

    /// <summary>
    /// Removes or anonymizes the subject's personal data, including in the events the module published. Records the
    /// module must keep (accounting) stay, stripped of what identifies the person. Idempotent: erasing twice is harmless.
    /// Returns how many records were touched.
    /// </summary>
    Task<int> EraseAsync(DataSubject subject, CancellationToken ct);
}
