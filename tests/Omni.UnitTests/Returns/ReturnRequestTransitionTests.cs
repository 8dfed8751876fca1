using Omni.Common.Errors;
using Omni.Returns.Domain;

namespace Omni.UnitTests.Returns;

public sealed class ReturnRequestTransitionTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<(ReturnRequestStatus, ReturnRequestStatus)> Allowed =
    [
        (ReturnRequestStatus.Requested, ReturnRequestStatus.Received),
        (ReturnRequestStatus.Requested, ReturnRequestStatus.Cancelled),
        (ReturnRequestStatus.Requested, ReturnRequestStatus.Expired),
    ];

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<ReturnRequestStatus>())
            foreach (var to in Enum.GetNames<ReturnRequestStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_documented_moves(string from, string to)
    {
        var (f, t) = (Enum.Parse<ReturnRequestStatus>(from), Enum.Parse<ReturnRequestStatus>(to));
        Assert.Equal(Allowed.Contains((f, t)), ReturnRequest.CanMove(f, t));
    }

    private static ReturnRequest NewRequest() => new() { Code = "ABCD2345", OrderNumber = "OM0000001", LocationCode = "STORE-1", RequestedAt = Now, ExpiresAt = Now.AddDays(30) };

    [Fact]
    public void A_request_is_received_once_and_then_cannot_be_cancelled()
    {
        var request = NewRequest();
        var returnId = Guid.NewGuid();

        request.Receive(returnId, Now);

        Assert.Equal((ReturnRequestStatus.Received, returnId, Now), (request.Status, request.ReturnId!.Value, request.ClosedAt!.Value));
        Assert.Equal("return_request_not_open", Assert.Throws<DomainException>(() => request.Receive(Guid.NewGuid(), Now)).Code);
        Assert.Equal("return_request_not_open", Assert.Throws<DomainException>(() => request.Cancel(Now)).Code);
        Assert.Equal(returnId, request.ReturnId);
    }

    [Fact]
    public void An_open_request_reads_as_expired_from_its_expiry_on_and_is_then_refused()
    {
        var request = NewRequest();

        Assert.Equal(ReturnRequestStatus.Requested, request.StatusAt(request.ExpiresAt.AddTicks(-1)));
        Assert.Equal(ReturnRequestStatus.Expired, request.StatusAt(request.ExpiresAt));
        Assert.Equal("return_request_expired", Assert.Throws<DomainException>(() => request.Receive(Guid.NewGuid(), request.ExpiresAt)).Code);
        Assert.Equal("return_request_expired", Assert.Throws<DomainException>(() => request.Cancel(request.ExpiresAt)).Code);
        Assert.Equal(ReturnRequestStatus.Requested, request.Status);
    }

    [Fact]
    public void A_cancelled_request_stays_cancelled_after_its_expiry()
    {
        var request = NewRequest();
        request.Cancel(Now);
        Assert.Equal(ReturnRequestStatus.Cancelled, request.StatusAt(request.ExpiresAt.AddDays(1)));
    }
}
