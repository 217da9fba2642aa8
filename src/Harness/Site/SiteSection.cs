using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>A section of a page: anchor id, heading (plain text, escaped by the template) and trusted HTML built by the site.</summary>
public sealed record SiteSection(string Id, string Heading, string Html, int Level = 2);
