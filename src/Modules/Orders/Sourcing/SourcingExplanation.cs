using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Orders.Sourcing;

/// <summary>Why a location did or did not serve a line.</summary>
internal enum CandidateVerdict
{
    /// <summary>Serves (part of) the line.</summary>
    Chosen,
    /// <summary>Could have served, but the chosen plan costs less.</summary>
    Costlier,
    /// <summary>Has none of the SKU available.</summary>
    NoStock,
    /// <summary>Has some, but only the store protection buffer that online orders may not take.</summary>
    Buffer,
    /// <summary>Its daily order capacity is used up.</summary>
    Capacity,
    /// <summary>The rule set (or its capabilities) does not let it serve this channel and method.</summary>
    NotAllowed,
    /// <summary>Left out by the caller (e.g. re-sourcing away from a location that came up short).</summary>
    Excluded,
}

/// <summary>The cost of a plan by component, in the rule set's cost units.</summary>
internal sealed record SourcingCost(double Shipping, double Splits, double Picking, double LowCover)
{
    /// <summary>The sum of the components.</summary>
    public double Total => Shipping + Splits + Picking + LowCover;
}

/// <summary>One location as a candidate for one line; cost figures are for that location serving the line.</summary>
internal sealed record CandidateExplanation(
    string LocationCode, LocationType Type, CandidateVerdict Verdict, int Quantity, int Available,
    double? DistanceKm, double? ShipmentCost, double? PickCost, double? LowCoverPenalty, double? DaysOfCover);

/// <summary>
/// How one line was sourced. Line is its position in the order, from 1; Destination is the store a ship-to-store line goes
/// to, <c>address</c> for a shipped line, else the store it is handed over in.
/// </summary>
internal sealed record LineExplanation(int Line, string Sku, int Quantity, FulfillmentMethod Method, string Destination, List<CandidateExplanation> Candidates);

/// <summary>
/// The sourcing decision of an order and why it was made. Exact is true when the search proved the plan optimal, false
/// when it stopped at its budget; Nodes counts the sets of shipments it looked at.
/// </summary>
internal sealed record SourcingExplanation(
    int RuleSetVersion, string Strategy, bool Exact, long Nodes, SourcingCost Cost, double CostTotal, int Shipments, int Splits, double DistanceKm,
    List<LineExplanation> Lines);
