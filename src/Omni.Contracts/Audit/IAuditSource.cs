namespace Omni.Contracts.Audit;

/// <summary>One thing a person or system did that the audit log shows. Never carries the personal data itself.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Actor">Who did it: an API key's name or a person's user name; <c>system</c> for Omni's own jobs.</param>
/// <param name="Kind">What was done, dotted lower-case: <c>customer.personal_data_read</c>, <c>api_key.revoked</c> …</param>
/// <param name="Subject">What it was done to: a customer id, an API key's name, a rule-set version.</param>
/// <param name="Detail">A short human-readable note.</param>
public sealed record AuditRecord(DateTime At, string Actor, string Kind, string Subject, string Detail);

/// <summary>Which audit records to read; every filter is optional.</summary>
/// <param name="Actor">Only this actor (exactly as recorded).</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="From">At or after (UTC).</param>
/// <param name="To">Before (UTC).</param>
/// <param name="Take">At most this many, newest first.</param>
public sealed record AuditQuery(string? Actor, string? Kind, DateTime? From, DateTime? To, int Take);

/// <summary>
/// A module's audit records, read through this contract so the audit log never reaches into a module's tables. Each module
/// that records who did what implements it; the log merges them by time.
/// </summary>
public interface IAuditSource
{
    /// <summary>The kinds of record this source has.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>The newest records matching <paramref name="query"/>, newest first (ties in a stable order of the source's own).</summary>
    Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditQuery query, CancellationToken ct);
}
