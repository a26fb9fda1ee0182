using YamlDotNet.RepresentationModel;
using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>
/// Reads journey files into <see cref="JourneyDefinition"/>s. The shape is journey.schema.json's to check; here
/// only what a schema cannot say: step ids unique, jumps forward to steps that exist, one mood step, a scale's
/// range and bands in order, choices listed once.
/// </summary>
public static class JourneyLoader
{
    public static JourneyDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        if (Read(path, displayName, errors) is not { } root)
        {
            return null;
        }

        var journey = new JourneyDefinition
        {
            Id = Text(root, "id")!,
            Title = Text(root, "title")!,
            Summary = Text(root, "summary")!,
            Minutes = Number(root, "minutes") ?? 0,
            IsLong = Flag(root, "long") ?? false,
            Tags = Texts(root, "tags"),
            Commands = Texts(root, "commands"),
            SourceFile = displayName,
        };

        foreach (var node in Maps(root, "steps"))
        {
            journey.Steps.Add(ReadStep(node, journey, (line, message) => errors.Add(new ContentError(displayName, line, message))));
        }

        if (Map(root, "close") is { } close)
        {
            journey.Close.SavePrompt = Text(close, "savePrompt");
            journey.Close.Saved = Text(close, "saved") ?? journey.Close.Saved;
            journey.Close.NotSaved = Text(close, "notSaved") ?? journey.Close.NotSaved;
            if (Map(close, "offer") is { } offer)
            {
                journey.Close.Offer.Card = Reference(offer, "card", ContentKind.Card, journey, "the close's offer");
                journey.Close.Offer.Journey = Reference(offer, "journey", ContentKind.Journey, journey, "the close's offer");
            }
        }

        Check(displayName, root, journey, errors);
        return journey;
    }

    private static JourneyStep ReadStep(YamlMappingNode node, JourneyDefinition journey, Action<int, string> error)
    {
        var step = new JourneyStep
        {
            Id = Text(node, "id")!,
            Prompt = Texts(node, "prompt"),
            Save = Flag(node, "save") ?? true,
            Mood = Flag(node, "mood") ?? false,
            Next = Text(node, "next"),
            SuggestCards = Flag(node, "suggestCards") ?? true,
            Reflect = Flag(node, "reflect") ?? false,
            Line = YamlJson.LineOf(node),
            NextLine = Line(node, "next"),
        };
        step.Card = Reference(node, "card", ContentKind.Card, journey, $"step '{step.Id}'");
        var answer = Map(node, "answer")!;
        step.Answer.Kind = Enum.Parse<AnswerKind>(Text(answer, "kind")!.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        step.Answer.Min = Number(answer, "min") ?? 0;
        step.Answer.Max = Number(answer, "max") ?? 10;
        step.Answer.MinLabel = Text(answer, "minLabel");
        step.Answer.MaxLabel = Text(answer, "maxLabel");
        foreach (var choice in Maps(answer, "choices"))
        {
            var value = Text(choice, "value")!;
            step.Answer.Choices.Add(ReadFollowUp(choice, new ChoiceDefinition { Value = value, Synonyms = Texts(choice, "synonyms") }, journey, $"step '{step.Id}', choice '{value}'"));
        }

        foreach (var band in Maps(answer, "bands"))
        {
            var (from, to) = (Number(band, "from")!.Value, Number(band, "to")!.Value);
            step.Answer.Bands.Add(ReadFollowUp(band, new ScaleBand { From = from, To = to }, journey, $"step '{step.Id}', band {from}-{to}"));
        }

        CheckAnswer(step, answer, error);
        return step;
    }

    private static T ReadFollowUp<T>(YamlMappingNode node, T followUp, JourneyDefinition journey, string where)
        where T : AnswerFollowUp
    {
        followUp.Line = YamlJson.LineOf(node);
        followUp.Card = Reference(node, "card", ContentKind.Card, journey, where);
        followUp.Goto = Text(node, "goto");
        followUp.GotoLine = Line(node, "goto");
        followUp.Offer = Reference(node, "offer", ContentKind.Journey, journey, where);
        followUp.Support = Text(node, "support");
        return followUp;
    }

    /// <summary>Reads a card or journey id and notes it, to be checked once every file is loaded.</summary>
    private static string? Reference(YamlMappingNode node, string key, ContentKind kind, JourneyDefinition journey, string where)
    {
        if (Text(node, key) is not { Length: > 0 } id)
        {
            return null;
        }

        journey.References.Add(new ContentReference(kind, id, journey.SourceFile, Line(node, key), where));
        return id;
    }

    private static void Check(string file, YamlMappingNode root, JourneyDefinition journey, List<ContentError> errors)
    {
        void Error(int line, string message) => errors.Add(new ContentError(file, line, message));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in journey.Steps)
        {
            if (!seen.Add(step.Id))
            {
                Error(step.Line, $"duplicate step id '{step.Id}'.");
            }

        }

        if (journey.Steps.Count(s => s.Mood) > 1)
        {
            Error(YamlJson.LineOf(root), "only one step can be the mood score.");
        }

        // Branches only go forward, so every journey ends and a writer can read it top to bottom.
        var index = journey.Steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            CheckJump(index, i, step.Next, step.NextLine, $"step '{step.Id}': next goes", Error);
            foreach (var followUp in step.Answer.Choices.Cast<AnswerFollowUp>().Concat(step.Answer.Bands))
            {
                var what = followUp is ChoiceDefinition c ? $"choice '{c.Value}'" : $"band {((ScaleBand)followUp).From}-{((ScaleBand)followUp).To}";
                CheckJump(index, i, followUp.Goto, followUp.GotoLine, $"step '{step.Id}': {what} goes", Error);
            }
        }
    }

    private static void CheckAnswer(JourneyStep step, YamlMappingNode answer, Action<int, string> error)
    {
        if (step.Answer.Kind == AnswerKind.Scale && step.Answer.Min > step.Answer.Max)
        {
            error(Line(answer, "min"), $"step '{step.Id}': the scale's min ({step.Answer.Min}) is above its max ({step.Answer.Max}).");
        }

        foreach (var choice in step.Answer.Choices.GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            error(choice.Last().Line, $"step '{step.Id}': the choice '{choice.Key}' is listed twice.");
        }

        foreach (var band in step.Answer.Bands)
        {
            if (band.From > band.To)
            {
                error(band.Line, $"step '{step.Id}': the band's from ({band.From}) is above its to ({band.To}).");
            }
            else if (step.Answer.Kind == AnswerKind.Scale && (band.From < step.Answer.Min || band.To > step.Answer.Max))
            {
                error(band.Line, $"step '{step.Id}': the band {band.From}-{band.To} is outside the scale {step.Answer.Min}-{step.Answer.Max}.");
            }
        }
    }

    private static void CheckJump(Dictionary<string, int> index, int from, string? target, int line, string what, Action<int, string> error)
    {
        if (target is null)
        {
            return;
        }

        if (!index.TryGetValue(target, out var to))
        {
            error(line, $"{what} to step '{target}', which does not exist.");
        }
        else if (to <= from)
        {
            error(line, $"{what} back to step '{target}'; a journey only skips forward.");
        }
    }
}
