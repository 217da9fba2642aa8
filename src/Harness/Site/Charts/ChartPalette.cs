namespace MaxK.Harness.Site.Charts;

/// <summary>Okabe–Ito colours (colour-blind safe), used in series order; reference lines are grey.</summary>
public static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    public static string Series(int index) => Colours[index % Colours.Length];

    /// <summary>Dash pattern for series past the first round of colours, so 16 series stay distinguishable.</summary>
    public static string? Dash(int index) => index >= Colours.Length ? "6 3" : null;

    public const string Reference = "#6b6b6b";
}
