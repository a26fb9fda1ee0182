using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ReflectBot.Browser.Tests.Support;

/// <summary>
/// axe-core from npm, run in the page. The page's CSP allows only same-origin scripts, so axe is served at a
/// same-origin address by a Playwright route and loaded with a script tag: nothing about the CSP is bypassed.
/// </summary>
public static class Axe
{
    private const string Url = "/__test/axe.min.js";

    private static readonly string AxeFile = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Call before the page is opened.</summary>
    public static Task ServeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(File.Exists(AxeFile), $"axe-core is missing at {AxeFile}: npm ci installs it (scripts/test.sh does).");
        return page.RouteAsync("**" + Url, route => route.FulfillAsync(new() { Path = AxeFile, ContentType = "text/javascript; charset=utf-8" }));
    }

    /// <summary>Every violation of any impact, one line per rule with its nodes.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => !!window.axe"))
        {
            await page.AddScriptTagAsync(new() { Url = Url });
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then(r => r.violations)",
            Tags);
        var lines = new List<string>();
        foreach (var violation in violations.EnumerateArray())
        {
            var line = new StringBuilder()
                .Append(violation.GetProperty("id").GetString()).Append(" [").Append(violation.GetProperty("impact").GetString()).Append("]: ");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray().Take(5))
            {
                line.Append(node.GetProperty("target").ToString()).Append(' ');
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }
}
