using ReflectBot.Content;

namespace ReflectBot.Safety.Evaluation;

/// <summary>
/// Reads a labelled set (<c>dialogs/safety/evaluation/*.tsv</c>): a header <c>id label tag prompt text</c>,
/// then one tab-separated message per line. Every problem is reported with its file and line.
/// </summary>
public static class LabelledSet
{
    public const string Header = "id\tlabel\ttag\tprompt\ttext";

    public const string None = "none";

    public const string Past = "past";

    /// <summary>Every label a line may carry: the risk classes, then "past" and "none".</summary>
    public static IReadOnlyList<string> Labels { get; } = [.. RiskClasses.All.Select(RiskClasses.IdOf), Past, None];

    public static List<LabelledMessage> Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var messages = new List<LabelledMessage>();
        if (!System.IO.File.Exists(path))
        {
            errors.Add(new ContentError(displayName, 1, $"{displayName} is missing."));
            return messages;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = System.IO.File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header)
        {
            errors.Add(new ContentError(displayName, 1, $"the first line should be the header '{Header.Replace('\t', ' ')}' (tab-separated)."));
            return messages;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 5)
            {
                errors.Add(new ContentError(displayName, i + 1, $"expected 5 tab-separated columns (id, label, tag, prompt, text), found {parts.Length}."));
                continue;
            }

            var (id, label, tag, prompt, text) = (parts[0].Trim(), parts[1].Trim(), parts[2].Trim(), parts[3].Trim(), parts[4].Trim());
            if (id.Length == 0 || !ids.Add(id))
            {
                errors.Add(new ContentError(displayName, i + 1, id.Length == 0 ? "the id is empty." : $"the id '{id}' is used twice."));
            }

            if (!Labels.Contains(label))
            {
                errors.Add(new ContentError(displayName, i + 1, $"unknown label '{label}' (expected one of: {string.Join(", ", Labels)})."));
                continue;
            }

            if (text.Length == 0)
            {
                errors.Add(new ContentError(displayName, i + 1, "the text is empty."));
                continue;
            }

            messages.Add(new LabelledMessage(id, label, tag, prompt, text, displayName, i + 1));
        }

        return messages;
    }
}
