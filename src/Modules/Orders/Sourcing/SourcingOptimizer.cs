using Omni.Contracts.Orders;

namespace Omni.Orders.Sourcing;

/// <summary>A sourcing plan with the reasons for it.</summary>
internal sealed record SourcingResult(SourcingPlan Plan, SourcingExplanation Explanation);

/// <summary>
/// Sourcing v2, a pure function: the cheapest plan under a rule set (see <see cref="SourcingModel"/> for the cost).
/// Branch and bound over sets of shipments: candidate shipments are tried cheapest first, each set is costed by sending
/// every SKU from its cheapest open locations (exact: with costs on the supply side only, taking locations cheapest first and
/// rerouting earlier units along augmenting paths is optimal), and a branch is cut as soon as its fixed costs, the split
/// penalty and a lower bound on the unit costs reach the best plan found. Stops after <see cref="DefaultNodeBudget"/> sets
/// and returns the best plan so far (then <see cref="SourcingExplanation.Exact"/> is false): a bounded-time heuristic for
/// the rare order too big to prove.
/// </summary>
internal static class SourcingOptimizer
{
    public const int DefaultNodeBudget = 20_000;
    public const string Strategy = "optimizer";
    private const double Epsilon = 1e-9;

    public static SourcingResult Plan(IReadOnlyList<SourcingLine> lines, SourcingInput input, int nodeBudget = DefaultNodeBudget)
    {
        var model = new SourcingModel(lines, input);
        var search = new Search(model, nodeBudget);
        var shipped = model.ShortSkus.Count == 0 ? search.Run() : null;
        if (shipped is null && model.ShortSkus.Count == 0) search.ReportShort();
        var allocations = shipped is null ? [] : model.Handover.Concat(shipped).OrderBy(a => a.LineIndex).ToList();
        var plan = new SourcingPlan(allocations, model.ShortSkus);
        return new SourcingResult(plan, Explain(model, plan, Strategy, search.Exact, search.Nodes));
    }

    /// <summary>
    /// Re-sourcing: plans <paramref name="missing"/> quantities of an existing order (each line as it was placed, with the
    /// quantity still to find), keeping off <paramref name="excluded"/> locations (the one that came up short, say). The
    /// input's stock must no longer count what the order still holds elsewhere, and its capacity counts today's orders.
    /// </summary>
    public static SourcingResult PlanMissing(IReadOnlyList<SourcingLine> missing, SourcingInput input, IReadOnlySet<string> excluded,
        int nodeBudget = DefaultNodeBudget) =>
        Plan(missing, input with { Excluded = excluded }, nodeBudget);

    /// <summary>Costs and explains any plan (the baseline's) under the model's rule set.</summary>
    public static SourcingExplanation Explain(SourcingModel model, SourcingPlan plan, string strategy, bool exact, long nodes)
    {
        var (cost, shipments, splits, km) = model.Evaluate(plan.Allocations);
        var lines = new List<LineExplanation>(model.Lines.Count);
        for (var i = 0; i < model.Lines.Count; i++)
        {
            var line = model.Lines[i];
            var taken = plan.Allocations.Where(a => a.LineIndex == line.Index).ToDictionary(a => a.LocationCode, a => a.Quantity, StringComparer.OrdinalIgnoreCase);
            var g = model.GroupOfLine[i];
            var candidates = new List<CandidateExplanation>();
            for (var l = 0; l < model.Locations.Length; l++)
            {
                var location = model.Locations[l];
                var quantity = taken.GetValueOrDefault(location.Code);
                if (g < 0)
                {
                    if (!string.Equals(location.Code, line.LocationCode, StringComparison.OrdinalIgnoreCase)) continue;
                    var verdict = quantity > 0 ? CandidateVerdict.Chosen
                        : model.Input.Excluded?.Contains(location.Code) == true ? CandidateVerdict.Excluded
                        : model.Available(l, line.Sku) >= line.Quantity ? CandidateVerdict.Buffer : CandidateVerdict.NoStock;
                    candidates.Add(Candidate(model, l, line, verdict, quantity, null, null));
                    continue;
                }
                if (quantity == 0 && !model.HasPosition(l, line.Sku)) continue;
                var why = quantity > 0 ? CandidateVerdict.Chosen : model.Verdict(g, l, line.Sku) ?? Unused(model, plan, l, line.Sku);
                var distance = model.Distance(g, l);
                var type = location.Type;
                var fixedCost = model.Input.Rules.ShipmentCost.For(type) + model.Input.Rules.CostPerKm.For(type) * (distance ?? 0);
                candidates.Add(Candidate(model, l, line, why, quantity, distance, fixedCost));
            }
            candidates.Sort((a, b) => a.Verdict != b.Verdict ? a.Verdict.CompareTo(b.Verdict)
                : Estimate(a).CompareTo(Estimate(b)) is var c and not 0 ? c : string.CompareOrdinal(a.LocationCode, b.LocationCode));
            var destination = g >= 0 ? model.Groups[g].Key : line.LocationCode ?? "";
            lines.Add(new LineExplanation(i + 1, line.Sku, line.Quantity, line.Method, destination, candidates));
        }
        return new SourcingExplanation(model.Input.RulesVersion, strategy, exact, nodes, cost, Math.Round(cost.Total, 4), shipments, splits, Math.Round(km, 3), lines);
    }

    /// <summary>A location that could serve but did not: in a refused order, because what it has is not enough.</summary>
    private static CandidateVerdict Unused(SourcingModel model, SourcingPlan plan, int location, string sku) =>
        plan.Complete ? CandidateVerdict.Costlier
        : model.Supply(location, sku) < model.Available(location, sku) ? CandidateVerdict.Buffer : CandidateVerdict.NoStock;

    private static double Estimate(CandidateExplanation c) => (c.ShipmentCost ?? 0) + (c.PickCost ?? 0) + (c.LowCoverPenalty ?? 0);

    private static CandidateExplanation Candidate(SourcingModel model, int l, SourcingLine line, CandidateVerdict verdict, int quantity, double? km, double? fixedCost)
    {
        var units = quantity > 0 ? quantity : line.Quantity;
        var cover = model.DaysOfCover(l, line.Sku);
        return new CandidateExplanation(model.Locations[l].Code, model.Locations[l].Type, verdict, quantity, model.Supply(l, line.Sku) + quantity,
            Round(km), Round(fixedCost), Round(units * model.PickCost(l)), Round(units * model.LowCoverPenalty(l, line.Sku)),
            double.IsPositiveInfinity(cover) ? null : Math.Round(cover, 2));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>The branch and bound over sets of open shipments.</summary>
    private sealed class Search
    {
        private readonly SourcingModel _model;
        private readonly int _budget;
        private readonly SourcingModel.Pair[] _pairs;
        private readonly double[][] _suffixMin;
        private readonly int[] _groupCount;
        private readonly List<int> _open = [];
        private readonly int _maxOpen;
        private readonly double _unitLowerBound;
        private readonly double _splitPenalty;
        private int _covered;
        private double _best = double.PositiveInfinity;
        private int[]? _bestSet;

        public long Nodes { get; private set; }
        public bool Exact { get; private set; } = true;

        public Search(SourcingModel model, int budget)
        {
            _model = model;
            _budget = budget;
            _pairs = [.. model.Pairs.OrderBy(p => p.Fixed).ThenBy(p => p.Location).ThenBy(p => p.Group)];
            var groups = model.Groups.Count;
            _groupCount = new int[groups];
            _maxOpen = groups + model.Input.Rules.MaxSplits;
            _splitPenalty = model.Input.Rules.SplitPenalty;
            _suffixMin = new double[groups][];
            for (var g = 0; g < groups; g++)
            {
                _suffixMin[g] = new double[_pairs.Length + 1];
                _suffixMin[g][_pairs.Length] = double.PositiveInfinity;
                for (var i = _pairs.Length - 1; i >= 0; i--)
                    _suffixMin[g][i] = _pairs[i].Group == g ? Math.Min(_pairs[i].Fixed, _suffixMin[g][i + 1]) : _suffixMin[g][i + 1];
            }
            // Every unit is picked somewhere: at best at the cheapest location that may send it.
            foreach (var line in model.Lines.Select((line, i) => (line, g: model.GroupOfLine[i])).Where(x => x.g >= 0))
            {
                var cheapest = double.PositiveInfinity;
                foreach (var p in _pairs)
                    if (p.Group == line.g && model.Supply(p.Location, line.line.Sku) > 0) cheapest = Math.Min(cheapest, model.UnitCost(p.Location, line.line.Sku));
                _unitLowerBound += line.line.Quantity * cheapest;
            }
        }

        /// <summary>The shipped allocations of the cheapest plan, or null when none exists.</summary>
        public List<SourcedAllocation>? Run()
        {
            if (_model.Groups.Count == 0) return [];
            if (double.IsPositiveInfinity(_unitLowerBound)) return null;
            Greedy();
            Branch(0, 0);
            return _bestSet is null ? null : Flow(_bestSet, allocate: true).Allocations;
        }

        /// <summary>A first plan to bound the search: for each destination, its cheapest shipments until its SKUs are covered.</summary>
        private void Greedy()
        {
            var open = new List<int>();
            for (var g = 0; g < _model.Groups.Count; g++)
            {
                var missing = new Dictionary<string, int>(_model.Groups[g].Demand);
                for (var i = 0; i < _pairs.Length && missing.Values.Any(m => m > 0); i++)
                {
                    if (_pairs[i].Group != g) continue;
                    var helps = false;
                    foreach (var sku in missing.Keys.ToList())
                    {
                        var supply = _model.Supply(_pairs[i].Location, sku);
                        if (missing[sku] <= 0 || supply <= 0) continue;
                        missing[sku] -= supply;
                        helps = true;
                    }
                    if (helps) open.Add(i);
                }
            }
            if (open.Count > _maxOpen) return;
            var (cost, _) = Flow([.. open], allocate: false);
            if (cost < _best) { _best = cost; _bestSet = [.. open]; }
        }

        private void Branch(int start, double fixedCost)
        {
            var groups = _model.Groups.Count;
            var size = _open.Count + 1;
            var splitBound = Math.Max(0, size - groups) * _splitPenalty;
            for (var i = start; i < _pairs.Length; i++)
            {
                if (Nodes >= _budget) { Exact = false; return; }
                var pair = _pairs[i];
                var bound = fixedCost + pair.Fixed + splitBound + _unitLowerBound;
                // Shipments are sorted by fixed cost: if this one is too dear, so is every later one.
                if (bound >= _best - Epsilon) return;
                var uncovered = 0.0;
                for (var g = 0; g < groups && !double.IsPositiveInfinity(uncovered); g++)
                    if (_groupCount[g] == 0 && g != pair.Group) uncovered += _suffixMin[g][i + 1];
                if (bound + uncovered >= _best - Epsilon) continue;

                _open.Add(i);
                if (_groupCount[pair.Group]++ == 0) _covered++;
                Nodes++;
                if (_covered == groups)
                {
                    var (cost, _) = Flow(_open, allocate: false);
                    if (cost < _best - Epsilon) { _best = cost; _bestSet = [.. _open]; }
                }
                if (size < _maxOpen) Branch(i + 1, fixedCost + pair.Fixed);
                if (--_groupCount[pair.Group] == 0) _covered--;
                _open.RemoveAt(_open.Count - 1);
            }
        }

        /// <summary>Which SKUs make the order impossible: short even with every shipment open, else the split limit is to blame.</summary>
        public void ReportShort()
        {
            var all = Enumerable.Range(0, _pairs.Length).ToList();
            var shortSkus = Flow(all, allocate: false, shortSkus: true).Short;
            foreach (var sku in shortSkus.Count > 0 ? shortSkus : [.. _model.SkuGroups.Keys]) _model.AddShort(sku);
        }

        private (double Cost, List<SourcedAllocation>? Allocations) Flow(IReadOnlyList<int> open, bool allocate)
        {
            var (cost, allocations, _) = Flow(open, allocate, shortSkus: false);
            return (cost, allocations);
        }

        /// <summary>
        /// Costs a set of open shipments: per SKU, locations are taken cheapest unit first, each pushing as many units as it can
        /// to the destinations it has an open shipment to, rerouting earlier units when that makes room (augmenting paths).
        /// </summary>
        private (double Cost, List<SourcedAllocation>? Allocations, List<string> Short) Flow(IReadOnlyList<int> open, bool allocate, bool shortSkus)
        {
            var used = new HashSet<int>();
            var unitCost = 0.0;
            var allocations = allocate ? new List<SourcedAllocation>() : null;
            var @short = new List<string>();
            foreach (var (sku, skuGroups) in _model.SkuGroups)
            {
                var locations = new List<int>();
                foreach (var i in open)
                    if (skuGroups.Contains(_pairs[i].Group) && _model.Supply(_pairs[i].Location, sku) > 0 && !locations.Contains(_pairs[i].Location))
                        locations.Add(_pairs[i].Location);
                locations.Sort((a, b) => _model.UnitCost(a, sku).CompareTo(_model.UnitCost(b, sku)) is var c and not 0 ? c : a.CompareTo(b));
                var k = locations.Count;
                var d = skuGroups.Count;
                var edge = new bool[k, d];
                foreach (var i in open)
                {
                    var a = locations.IndexOf(_pairs[i].Location);
                    var j = skuGroups.IndexOf(_pairs[i].Group);
                    if (a >= 0 && j >= 0) edge[a, j] = true;
                }
                var flow = new int[k, d];
                var demand = skuGroups.Select(g => _model.Groups[g].Demand[sku]).ToArray();
                var left = demand.Sum();
                for (var a = 0; a < k && left > 0; a++)
                {
                    var supply = _model.Supply(locations[a], sku);
                    while (supply > 0 && left > 0)
                    {
                        var pushed = Augment(a, supply, edge, flow, demand, k, d);
                        if (pushed == 0) break;
                        supply -= pushed;
                        left -= pushed;
                    }
                }
                if (left > 0)
                {
                    if (!shortSkus) return (double.PositiveInfinity, null, @short);
                    @short.Add(sku);
                    continue;
                }
                for (var a = 0; a < k; a++)
                    for (var j = 0; j < d; j++)
                    {
                        if (flow[a, j] == 0) continue;
                        unitCost += flow[a, j] * _model.UnitCost(locations[a], sku);
                        used.Add(Key(skuGroups[j], locations[a]));
                        if (allocations is not null) Distribute(allocations, skuGroups[j], sku, locations[a], flow[a, j]);
                    }
            }
            var fixedCost = 0.0;
            foreach (var i in open)
                if (used.Contains(Key(_pairs[i].Group, _pairs[i].Location))) fixedCost += _pairs[i].Fixed;
            var splits = Math.Max(0, used.Count - _model.Groups.Count);
            return (fixedCost + splits * _splitPenalty + unitCost, allocations, @short);
        }

        private int Key(int group, int location) => group * _model.Locations.Length + location;

        /// <summary>Finds a path from location <paramref name="from"/> to a destination still short, and pushes along it.</summary>
        private static int Augment(int from, int supply, bool[,] edge, int[,] flow, int[] demand, int k, int d)
        {
            var cameFrom = new int[d];   // location that reached each destination
            var reachedBy = new int[k];  // destination that reached each location (backwards along an existing flow)
            Array.Fill(cameFrom, -1);
            Array.Fill(reachedBy, -1);
            reachedBy[from] = d;
            var queue = new Queue<int>();
            queue.Enqueue(from);
            while (queue.Count > 0)
            {
                var a = queue.Dequeue();
                for (var j = 0; j < d; j++)
                {
                    if (!edge[a, j] || cameFrom[j] >= 0) continue;
                    cameFrom[j] = a;
                    if (demand[j] > 0) return Push(j, supply, cameFrom, reachedBy, flow, demand, d);
                    for (var b = 0; b < k; b++)
                        if (reachedBy[b] < 0 && flow[b, j] > 0) { reachedBy[b] = j; queue.Enqueue(b); }
                }
            }
            return 0;
        }

        private static int Push(int end, int supply, int[] cameFrom, int[] reachedBy, int[,] flow, int[] demand, int d)
        {
            var amount = Math.Min(supply, demand[end]);
            for (var j = end; ;)
            {
                var a = cameFrom[j];
                var back = reachedBy[a];
                if (back == d) break;
                amount = Math.Min(amount, flow[a, back]);
                j = back;
            }
            demand[end] -= amount;
            for (var j = end; ;)
            {
                var a = cameFrom[j];
                flow[a, j] += amount;
                var back = reachedBy[a];
                if (back == d) break;
                flow[a, back] -= amount;
                j = back;
            }
            return amount;
        }

        private void Distribute(List<SourcedAllocation> allocations, int group, string sku, int location, int units)
        {
            var code = _model.Locations[location].Code;
            foreach (var i in _model.Groups[group].Lines)
            {
                var line = _model.Lines[i];
                if (units == 0) return;
                if (line.Sku != sku) continue;
                var already = allocations.Where(a => a.LineIndex == line.Index).Sum(a => a.Quantity);
                var take = Math.Min(units, line.Quantity - already);
                if (take <= 0) continue;
                allocations.Add(new SourcedAllocation(line.Index, code, take));
                units -= take;
            }
        }
    }
}
