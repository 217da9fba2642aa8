namespace MaxK.Harness.Site.Charts;

/// <summary>Okabe–Ito colours (colour-blind safe), used in series order; reference lines in greys with distinct dash patterns.</summary>
public static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    private static readonly (string Colour, string Dash)[] References =
        [("#555555", "2 3"), ("#8c8c8c", "9 4"), ("#2b2b2b", "12 3 2 3"), ("#a0a0a0", "1 2"), ("#6b6b6b", "6 2 1 2 1 2")];

    public static string Series(int index) => Colours[index % Colours.Length];

    /// <summary>Dash pattern for series past the first round of colours, so 16 series stay distinguishable.</summary>
    public static string? Dash(int index) => index >= Colours.Length ? "6 3" : null;

    /// <summary>The grey and dash pattern of the <paramref name="index"/>-th reference line of a chart: no two of the first five alike.</summary>
    public static (string Colour, string Dash) ReferenceStyle(int index) => References[index % References.Length];
}
