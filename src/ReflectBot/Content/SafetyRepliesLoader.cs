using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>Reads <c>dialogs/safety/replies.yaml</c>: every text present, and only the placeholders each may use.</summary>
public static class SafetyRepliesLoader
{
    public static SafetyReplies? Load(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var display = Path.Combine("safety", "replies.yaml");
        if (!File.Exists(Path.Combine(folder, display)))
        {
            errors.Add(new ContentError(display, 1, "the content folder has no " + display + "."));
            return null;
        }

        var root = YamlReader.ReadRoot(Path.Combine(folder, "safety", "replies.yaml"), display, errors, "the file should be a mapping (key: value lines).");
        if (root is null)
        {
            return null;
        }

        var reader = new YamlReader(display, errors);
        reader.OnlyKeys(root, "version", "cardTitle", "notEmergency", "classes", "trusted", "notified", "check", "unsafe", "safe", "grounding", "continueLater", "momentSaved", "repeat", "possible", "planCheck", "past", "phq9", "alert");

        string Text(YamlMappingNode map, string key, params string[] allowed)
        {
            var value = reader.String(map, key, required: true) ?? string.Empty;
            foreach (var placeholder in Placeholders(value).Where(p => !allowed.Contains(p)))
            {
                reader.Error(YamlReader.Child(map, key), $"'{key}' may not use {{{placeholder}}}{(allowed.Length == 0 ? " (no placeholders here)" : $" (only {string.Join(", ", allowed.Select(a => "{" + a + "}"))})")}.");
            }

            return value;
        }

        YamlMappingNode Section(string key, params string[] keys)
        {
            var map = reader.Map(root, key, required: true) ?? new YamlMappingNode();
            reader.OnlyKeys(map, keys);
            return map;
        }

        var classes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var classMap = reader.Map(root, "classes", required: true) ?? new YamlMappingNode();
        foreach (var risk in RiskClasses.All)
        {
            var id = RiskClasses.IdOf(risk);
            if (reader.Map(classMap, id, required: true) is { } map)
            {
                reader.OnlyKeys(map, "empathy", "urgent");
                var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["empathy"] = Text(map, "empathy") };
                if (risk == RiskClass.Attempt)
                {
                    texts["urgent"] = Text(map, "urgent", "emergency");
                }

                classes[id] = texts;
            }
        }

        reader.OnlyKeys(classMap, [.. RiskClasses.All.Select(RiskClasses.IdOf)]);
        var notified = Section("notified", "nobody", "clinician");
        var check = Section("check", "question", "safeButton", "unsafeButton", "safeWords", "unsafeWords");
        var unsafeMap = Section("unsafe", "first", "grounding", "lines");
        var safeMap = Section("safe", "first", "lines", "noPlan");
        var pastMap = Section("past", ["default", .. RiskClasses.All.Select(RiskClasses.IdOf)]);
        var phq9 = Section("phq9", "thoughts", "plan", "safe", "notNow", "noPlan");
        var alert = Section("alert", "question", "message");

        var past = new Dictionary<string, string>(StringComparer.Ordinal) { ["default"] = Text(pastMap, "default", "lines") };
        foreach (var (key, _) in pastMap.Children)
        {
            if (key is YamlScalarNode { Value: { } id } && id != "default")
            {
                past[id] = Text(pastMap, id, "lines");
            }
        }

        var repeat = reader.Strings(root, "repeat");
        if (repeat.Count < 2)
        {
            reader.Error(YamlReader.Child(root, "repeat") ?? root, "'repeat' needs at least two wordings, so a second message does not get the same words.");
        }

        foreach (var wording in repeat)
        {
            foreach (var placeholder in Placeholders(wording).Where(p => p is not ("lines" or "emergency")))
            {
                reader.Error(YamlReader.Child(root, "repeat"), $"a 'repeat' wording may not use {{{placeholder}}} (only {{lines}}, {{emergency}}).");
            }
        }

        var replies = new SafetyReplies
        {
            CardTitle = Text(root, "cardTitle"),
            NotEmergency = Text(root, "notEmergency"),
            Classes = classes,
            Trusted = Text(root, "trusted"),
            NotifiedNobody = Text(notified, "nobody"),
            NotifiedClinician = Text(notified, "clinician", "clinician"),
            CheckQuestion = Text(check, "question"),
            SafeButton = Text(check, "safeButton"),
            UnsafeButton = Text(check, "unsafeButton"),
            SafeWords = reader.Strings(check, "safeWords"),
            UnsafeWords = reader.Strings(check, "unsafeWords"),
            UnsafeFirst = Text(unsafeMap, "first", "emergency"),
            UnsafeGrounding = Text(unsafeMap, "grounding"),
            UnsafeLines = Text(unsafeMap, "lines", "lines"),
            SafeFirst = Text(safeMap, "first"),
            SafeLines = Text(safeMap, "lines", "lines"),
            SafeNoPlan = Text(safeMap, "noPlan"),
            Grounding = Text(root, "grounding"),
            ContinueLater = Text(root, "continueLater"),
            MomentSaved = Text(root, "momentSaved"),
            Repeat = repeat,
            Possible = Text(root, "possible", "lines"),
            PlanCheck = Text(root, "planCheck", "lines"),
            Past = past,
            Phq9Thoughts = Text(phq9, "thoughts"),
            Phq9Plan = Text(phq9, "plan"),
            Phq9Safe = Text(phq9, "safe"),
            Phq9NotNow = Text(phq9, "notNow", "lines"),
            Phq9NoPlan = Text(phq9, "noPlan", "lines"),
            AlertQuestion = Text(alert, "question", "clinician"),
            AlertMessage = Text(alert, "message", "client", "time"),
        };

        // The buttons must read as answers themselves, whatever the word lists say.
        if (replies.CheckAnswer(replies.SafeButton) != true || replies.CheckAnswer(replies.UnsafeButton) != false)
        {
            reader.Error(check, "the safe and not-safe buttons must not also be listed as the other answer.");
        }

        return replies;
    }

    private static IEnumerable<string> Placeholders(string text)
    {
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = text.IndexOf('}', start);
            if (end > start)
            {
                yield return text[(start + 1)..end];
            }
        }
    }
}
