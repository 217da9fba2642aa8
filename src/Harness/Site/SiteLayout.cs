using Scriban;
using Scriban.Runtime;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// Lays pages out with the Scriban templates in site/templates (strict variables, no loop limit). Templates get
/// <c>page</c> (title, root, intro, sections, nav) and <c>reproduce</c>; no loop or string-length limits (Scriban's 1 MiB default
/// truncates a large section silently); text goes through html.escape in the
/// templates, HTML fragments built by the site are inserted as they are.
/// </summary>
public sealed class SiteLayout(string templatesDirectory, string reproduceHtml)
{
    private static readonly (string Href, string Text)[] Nav =
        [("claims.html", "Claims"), ("index.html", "Summary"), ("kernels.html", "Kernels"), ("training.html", "Training"), ("compare/index.html", "Compare runs"), ("downloads.html", "Downloads")];

    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public string Render(SitePage page)
    {
        var template = Get(page.Template);
        var model = new ScriptObject
        {
            ["page"] = new ScriptObject
            {
                ["title"] = page.Title,
                ["root"] = page.Root,
                ["intro"] = page.IntroHtml,
                ["sections"] = page.Sections.Select(s => new ScriptObject { ["id"] = s.Id, ["heading"] = s.Heading, ["html"] = s.Html, ["level"] = s.Level }).ToList(),
                ["nav"] = Nav.Select(n => new ScriptObject { ["href"] = page.Root + n.Href, ["text"] = n.Text, ["current"] = n.Href == page.Path }).ToList(),
            },
            ["reproduce"] = reproduceHtml,
        };
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 0, LimitToString = 0, TemplateLoader = new SiteTemplateLoader(templatesDirectory) };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private Template Get(string name)
    {
        if (_templates.TryGetValue(name, out var cached))
            return cached;
        var path = Path.Combine(templatesDirectory, name + ".scriban-html");
        if (!File.Exists(path))
            throw new HarnessException($"Site template '{path}' not found.");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
            throw new HarnessException($"Template {path} has errors: {string.Join("; ", template.Messages)}");
        _templates[name] = template;
        return template;
    }
}
