namespace Omni.Orders.Domain;

/// <summary>
/// A client's Idempotency-Key, stored in the same transaction as the order it created. The key is scoped by caller
/// and endpoint so two integrators can never collide; the hash of the body tells a retry from a different request.
/// </summary>
internal sealed class IdempotencyKey
{
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public Guid OrderId { get; init; }
    public DateTime CreatedAt { get; init; }
}
