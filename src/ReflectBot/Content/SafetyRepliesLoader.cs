using YamlDotNet.RepresentationModel;
using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>
/// Reads <c>dialogs/safety/replies.yaml</c>. Its shape (every text present, nothing else) is
/// safety-replies.schema.json's to check; here only what a schema cannot say: the placeholders each text may use
/// (those the code fills in), and buttons that read as the answers they stand for.
/// </summary>
public static class SafetyRepliesLoader
{
    public static SafetyReplies? Load(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (SafetyContentLoader.Open(folder, "replies.yaml", errors) is not ({ } root, var display))
        {
            return null;
        }

        void Error(YamlNode node, string message) => errors.Add(new ContentError(display, YamlJson.LineOf(node), message));

        string Say(YamlMappingNode map, string key, params string[] allowed)
        {
            var value = Text(map, key)!;
            foreach (var placeholder in Placeholders(value).Where(p => !allowed.Contains(p)))
            {
                Error(Child(map, key)!, $"'{key}' may not use {{{placeholder}}}{(allowed.Length == 0 ? " (no placeholders here)" : $" (only {string.Join(", ", allowed.Select(a => "{" + a + "}"))})")}.");
            }

            return value;
        }

        var classMap = Map(root, "classes")!;
        var classes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var id in RiskClasses.All.Select(RiskClasses.IdOf))
        {
            var map = Map(classMap, id)!;
            var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["empathy"] = Say(map, "empathy") };
            if (id == RiskClasses.IdOf(RiskClass.Attempt))
            {
                texts["urgent"] = Say(map, "urgent", "emergency");
            }

            classes[id] = texts;
        }

        var notified = Map(root, "notified")!;
        var check = Map(root, "check")!;
        var unsafeMap = Map(root, "unsafe")!;
        var safeMap = Map(root, "safe")!;
        var pastMap = Map(root, "past")!;
        var phq9 = Map(root, "phq9")!;
        var alert = Map(root, "alert")!;

        var past = pastMap.Children.Keys.Cast<YamlScalarNode>().ToDictionary(k => k.Value!, k => Say(pastMap, k.Value!, "lines"), StringComparer.Ordinal);
        var repeat = Texts(root, "repeat");
        foreach (var placeholder in repeat.SelectMany(Placeholders).Where(p => p is not ("lines" or "emergency")))
        {
            Error(Child(root, "repeat")!, $"a 'repeat' wording may not use {{{placeholder}}} (only {{lines}}, {{emergency}}).");
        }

        var replies = new SafetyReplies
        {
            CardTitle = Say(root, "cardTitle"),
            NotEmergency = Say(root, "notEmergency"),
            Classes = classes,
            Trusted = Say(root, "trusted"),
            NotifiedNobody = Say(notified, "nobody"),
            NotifiedClinician = Say(notified, "clinician", "clinician"),
            CheckQuestion = Say(check, "question"),
            SafeButton = Say(check, "safeButton"),
            UnsafeButton = Say(check, "unsafeButton"),
            SafeWords = Texts(check, "safeWords"),
            UnsafeWords = Texts(check, "unsafeWords"),
            UnsafeFirst = Say(unsafeMap, "first", "emergency"),
            UnsafeGrounding = Say(unsafeMap, "grounding"),
            UnsafeLines = Say(unsafeMap, "lines", "lines"),
            SafeFirst = Say(safeMap, "first"),
            SafeLines = Say(safeMap, "lines", "lines"),
            SafeNoPlan = Say(safeMap, "noPlan"),
            Grounding = Say(root, "grounding"),
            ContinueLater = Say(root, "continueLater"),
            StayClose = Say(root, "stayClose", "emergency", "lines"),
            Held = Say(root, "held"),
            HeldAgain = Say(root, "heldAgain", "lines"),
            LinesNow = Say(root, "linesNow", "emergency"),
            MisreadWords = Texts(root, "misreadWords"),
            Misread = Say(root, "misread"),
            MomentSaved = Say(root, "momentSaved"),
            Repeat = repeat,
            Possible = Say(root, "possible", "lines"),
            PlanCheck = Say(root, "planCheck", "lines"),
            Past = past,
            Phq9Thoughts = Say(phq9, "thoughts"),
            Phq9Plan = Say(phq9, "plan"),
            Phq9Safe = Say(phq9, "safe"),
            Phq9NotNow = Say(phq9, "notNow", "lines"),
            Phq9NoPlan = Say(phq9, "noPlan", "lines"),
            AlertQuestion = Say(alert, "question", "clinician"),
            AlertMessage = Say(alert, "message", "client", "time"),
        };

        // The buttons must read as answers themselves, whatever the word lists say.
        if (replies.CheckAnswer(replies.SafeButton) != true || replies.CheckAnswer(replies.UnsafeButton) != false)
        {
            Error(check, "the safe and not-safe buttons must not also be listed as the other answer.");
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
