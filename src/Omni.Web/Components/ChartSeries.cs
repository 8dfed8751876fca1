namespace Omni.Web.Components;

/// <summary>One data set of a <see cref="Chart"/>.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double> Values);
