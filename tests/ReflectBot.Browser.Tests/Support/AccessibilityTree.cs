using System.Text.Json;
using Microsoft.Playwright;

namespace ReflectBot.Browser.Tests.Support;

/// <summary>One node of Chromium's computed accessibility tree: what a screen reader is given, not what the DOM says.</summary>
public sealed record AccessibleNode(string Role, string Name, string Element);

/// <summary>
/// Reads Chromium's accessibility tree over CDP (Accessibility.getFullAXTree), limited to the part under one element:
/// the computed roles and names after ARIA, labelledby and hidden content have been applied.
/// </summary>
public static class AccessibilityTree
{
    /// <summary>The roles every one of which must have a name: messages, cards (a form or figure), images and buttons.</summary>
    public static readonly IReadOnlySet<string> MustBeNamed = new HashSet<string>(StringComparer.Ordinal) { "article", "image", "img", "form", "figure", "button" };

    /// <summary>The non-ignored nodes under the first element matching <paramref name="selector"/>, in document order.</summary>
    public static async Task<IReadOnlyList<AccessibleNode>> UnderAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            var document = (await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 }))!.Value;
            var found = (await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
            {
                ["nodeId"] = document.GetProperty("root").GetProperty("nodeId").GetInt32(),
                ["selector"] = selector,
            }))!.Value.GetProperty("nodeId").GetInt32();
            if (found == 0)
            {
                throw new InvalidOperationException($"nothing matches {selector}");
            }

            var root = (await cdp.SendAsync("DOM.describeNode", new Dictionary<string, object> { ["nodeId"] = found }))!.Value.GetProperty("node").GetProperty("backendNodeId").GetInt32();
            var tree = (await cdp.SendAsync("Accessibility.getFullAXTree"))!.Value.GetProperty("nodes");
            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            string? start = null;
            foreach (var node in tree.EnumerateArray())
            {
                var id = node.GetProperty("nodeId").GetString()!;
                byId[id] = node;
                if (node.TryGetProperty("backendDOMNodeId", out var backend) && backend.GetInt32() == root)
                {
                    start = id;
                }
            }

            if (start is null)
            {
                throw new InvalidOperationException($"{selector} is not in the accessibility tree");
            }

            var result = new List<AccessibleNode>();
            var stack = new Stack<string>([start]);
            while (stack.Count > 0)
            {
                var node = byId[stack.Pop()];
                if (node.TryGetProperty("childIds", out var children))
                {
                    foreach (var child in children.EnumerateArray().Reverse())
                    {
                        if (byId.ContainsKey(child.GetString()!))
                        {
                            stack.Push(child.GetString()!);
                        }
                    }
                }

                if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean())
                {
                    continue;
                }

                var role = node.TryGetProperty("role", out var r) && r.TryGetProperty("value", out var rv) ? rv.GetString() ?? string.Empty : string.Empty;
                var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var nv) ? nv.GetString() ?? string.Empty : string.Empty;
                var element = string.Empty;
                if (MustBeNamed.Contains(role) && string.IsNullOrWhiteSpace(name) && node.TryGetProperty("backendDOMNodeId", out var dom))
                {
                    element = await DescribeAsync(cdp, dom.GetInt32());
                }

                result.Add(new AccessibleNode(role, name.Trim(), element));
            }

            return result;
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    /// <summary>The nodes of <see cref="MustBeNamed"/> roles that have no name, described by their element.</summary>
    public static IReadOnlyList<string> Unnamed(IEnumerable<AccessibleNode> nodes)
        => [.. nodes.Where(n => MustBeNamed.Contains(n.Role) && string.IsNullOrWhiteSpace(n.Name)).Select(n => $"{n.Role} <{n.Element}>")];

    private static async Task<string> DescribeAsync(ICDPSession cdp, int backendNodeId)
    {
        var node = (await cdp.SendAsync("DOM.describeNode", new Dictionary<string, object> { ["backendNodeId"] = backendNodeId }))!.Value.GetProperty("node");
        var text = node.GetProperty("localName").GetString() ?? string.Empty;
        if (node.TryGetProperty("attributes", out var attributes))
        {
            var pairs = attributes.EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList();
            for (var i = 0; i + 1 < pairs.Count; i += 2)
            {
                if (pairs[i] is "class" or "role" or "alt" or "aria-label" or "aria-labelledby" or "src")
                {
                    text += $" {pairs[i]}=\"{(pairs[i + 1].Length > 60 ? pairs[i + 1][..60] + "…" : pairs[i + 1])}\"";
                }
            }
        }

        return text;
    }
}
