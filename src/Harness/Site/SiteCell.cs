using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// One table cell: <see cref="Text"/> is shown (escaped), <see cref="Value"/> goes into the CSV/JSON downloads
/// (a number at full precision, a string, a bool or null), <see cref="Href"/> makes the cell a link and
/// <see cref="CssClass"/> colours it (e.g. "better", "worse", "fail") and <see cref="Tip"/> is its hover text.
/// </summary>
public sealed record SiteCell(string Text, object? Value, string? Href = null, string? CssClass = null, string? Tip = null)
{
    /// <summary>A text cell whose download value is the same text.</summary>
    public static SiteCell T(string? text) => new(text ?? "—", text);

    /// <summary>A number cell shown with <paramref name="digits"/> decimals; downloads keep the full value.</summary>
    public static SiteCell Num(double? value, int digits) => new(Html.N(value, digits), value is { } v && double.IsFinite(v) ? v : null, CssClass: Number);

    /// <summary>A speed-up cell ("8.48×"); downloads keep the full value.</summary>
    public static SiteCell Speedup(double? value) => new(Html.X(value), value is { } v && double.IsFinite(v) ? v : null, CssClass: Number);

    /// <summary>An integer cell with thousands separators.</summary>
    public static SiteCell Int(long value) => new(Html.Count(value), value);

    /// <summary>A fraction shown as a percentage; downloads keep the fraction.</summary>
    public static SiteCell Pct(double? fraction) => new(Html.Pct(fraction), fraction is { } f && double.IsFinite(f) ? f : null, CssClass: Number);

    /// <summary>The CSS class of number cells: never wrapped ("56.21 %" stays on one line).</summary>
    public const string Number = "n";
}
