using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>Reads journey files into <see cref="JourneyDefinition"/>s, collecting every problem with its file and line.</summary>
public static class JourneyLoader
{
    public static JourneyDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (YamlReader.ReadRoot(path, displayName, errors, "a journey file should be a mapping with id, title, summary and steps.") is not { } root)
        {
            return null;
        }

        var read = new YamlReader(displayName, errors);
        read.OnlyKeys(root, "id", "title", "summary", "minutes", "long", "tags", "commands", "steps", "close");
        var journey = new JourneyDefinition
        {
            Id = read.String(root, "id", required: true) ?? string.Empty,
            Title = read.String(root, "title", required: true) ?? string.Empty,
            Summary = read.String(root, "summary", required: true) ?? string.Empty,
            Minutes = read.Int(root, "minutes") ?? 0,
            IsLong = read.Bool(root, "long") ?? false,
            Tags = read.Strings(root, "tags"),
            Commands = read.Strings(root, "commands"),
            SourceFile = displayName,
        };

        foreach (var node in read.Maps(root, "steps", required: true))
        {
            journey.Steps.Add(ReadStep(read, node, journey));
        }

        if (journey.Steps.Count == 0 && YamlReader.Child(root, "steps") is { } emptySteps)
        {
            read.Error(emptySteps, "a journey needs at least one step.");
        }

        if (read.Map(root, "close") is { } close)
        {
            read.OnlyKeys(close, "savePrompt", "saved", "notSaved", "offer");
            journey.Close.SavePrompt = read.String(close, "savePrompt");
            journey.Close.Saved = read.String(close, "saved") ?? journey.Close.Saved;
            journey.Close.NotSaved = read.String(close, "notSaved") ?? journey.Close.NotSaved;
            if (read.Map(close, "offer") is { } offer)
            {
                read.OnlyKeys(offer, "card", "journey");
                journey.Close.Offer.Card = Reference(read, offer, "card", ContentKind.Card, journey, "the close's offer");
                journey.Close.Offer.Journey = Reference(read, offer, "journey", ContentKind.Journey, journey, "the close's offer");
                if ((journey.Close.Offer.Card is null) == (journey.Close.Offer.Journey is null))
                {
                    read.Error(offer, "the close's offer should name either a card or a journey.");
                }
            }
        }

        Check(read, root, journey);
        return journey;
    }

    private static JourneyStep ReadStep(YamlReader read, YamlMappingNode node, JourneyDefinition journey)
    {
        read.OnlyKeys(node, "id", "prompt", "answer", "save", "mood", "card", "next", "suggestCards", "reflect");
        var step = new JourneyStep
        {
            Id = read.String(node, "id", required: true) ?? string.Empty,
            Prompt = read.Strings(node, "prompt"),
            Save = read.Bool(node, "save") ?? true,
            Mood = read.Bool(node, "mood") ?? false,
            Next = read.String(node, "next"),
            SuggestCards = read.Bool(node, "suggestCards") ?? true,
            Reflect = read.Bool(node, "reflect") ?? false,
            Line = YamlReader.LineOf(node),
            NextLine = YamlReader.LineOf(YamlReader.Child(node, "next") ?? node),
        };
        step.Card = Reference(read, node, "card", ContentKind.Card, journey, $"step '{step.Id}'");

        if (step.Prompt.Count == 0 && YamlReader.Child(node, "prompt") is not YamlSequenceNode { Children.Count: > 0 })
        {
            read.Error(node, $"step '{step.Id}' has no prompt.");
        }
        else if (step.Prompt.Count > 3)
        {
            read.Error(YamlReader.Child(node, "prompt"), $"step '{step.Id}' has {step.Prompt.Count} wordings; give one to three.");
        }

        if (read.Map(node, "answer", required: true) is { } answer)
        {
            ReadAnswer(read, answer, step, journey);
        }

        if (step.Reflect && step.Answer.Kind != AnswerKind.Text)
        {
            read.ErrorAt(step.Line, $"step '{step.Id}': only a text answer can be reflected back.");
        }

        return step;
    }

    private static void ReadAnswer(YamlReader read, YamlMappingNode answer, JourneyStep step, JourneyDefinition journey)
    {
        read.OnlyKeys(answer, "kind", "min", "max", "minLabel", "maxLabel", "choices", "bands");
        var kindText = read.String(answer, "kind", required: true);
        if (kindText is not null && Enum.TryParse<AnswerKind>(kindText.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind))
        {
            step.Answer.Kind = kind;
        }
        else if (kindText is not null)
        {
            read.Error(YamlReader.Child(answer, "kind"), $"unknown answer kind '{kindText}' (expected text, scale, choice, confirm or date-time).");
        }

        step.Answer.Min = read.Int(answer, "min") ?? 0;
        step.Answer.Max = read.Int(answer, "max") ?? 10;
        step.Answer.MinLabel = read.String(answer, "minLabel");
        step.Answer.MaxLabel = read.String(answer, "maxLabel");
        if (step.Answer.Kind == AnswerKind.Scale && step.Answer.Min > step.Answer.Max)
        {
            read.Error(YamlReader.Child(answer, "min"), $"step '{step.Id}': the scale's min ({step.Answer.Min}) is above its max ({step.Answer.Max}).");
        }

        foreach (var choice in read.Maps(answer, "choices"))
        {
            read.OnlyKeys(choice, "value", "synonyms", "card", "goto", "offer");
            var value = read.String(choice, "value", required: true) ?? string.Empty;
            step.Answer.Choices.Add(ReadFollowUp(read, choice, new ChoiceDefinition { Value = value, Synonyms = read.Strings(choice, "synonyms") }, journey, $"step '{step.Id}', choice '{value}'"));
        }

        if (step.Answer.Kind == AnswerKind.Choice && step.Answer.Choices.Count < 2)
        {
            read.Error(answer, $"step '{step.Id}': a choice step needs at least two choices.");
        }
        else if (step.Answer.Kind != AnswerKind.Choice && step.Answer.Choices.Count > 0)
        {
            read.Error(YamlReader.Child(answer, "choices"), $"step '{step.Id}': only a choice step has choices.");
        }

        foreach (var choice in step.Answer.Choices.GroupBy(c => c.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            read.ErrorAt(choice.Last().Line, $"step '{step.Id}': the choice '{choice.Key}' is listed twice.");
        }

        foreach (var bandNode in read.Maps(answer, "bands"))
        {
            read.OnlyKeys(bandNode, "from", "to", "card", "goto", "offer");
            var band = new ScaleBand { From = read.Int(bandNode, "from", required: true) ?? 0, To = read.Int(bandNode, "to", required: true) ?? 0 };
            step.Answer.Bands.Add(ReadFollowUp(read, bandNode, band, journey, $"step '{step.Id}', band {band.From}-{band.To}"));
            if (band.From > band.To)
            {
                read.ErrorAt(band.Line, $"step '{step.Id}': the band's from ({band.From}) is above its to ({band.To}).");
            }
            else if (step.Answer.Kind == AnswerKind.Scale && (band.From < step.Answer.Min || band.To > step.Answer.Max))
            {
                read.ErrorAt(band.Line, $"step '{step.Id}': the band {band.From}-{band.To} is outside the scale {step.Answer.Min}-{step.Answer.Max}.");
            }
        }

        if (step.Answer.Kind != AnswerKind.Scale && step.Answer.Bands.Count > 0)
        {
            read.Error(YamlReader.Child(answer, "bands"), $"step '{step.Id}': only a scale step has bands.");
        }
    }

    private static T ReadFollowUp<T>(YamlReader read, YamlMappingNode node, T followUp, JourneyDefinition journey, string where)
        where T : AnswerFollowUp
    {
        followUp.Line = YamlReader.LineOf(node);
        followUp.Card = Reference(read, node, "card", ContentKind.Card, journey, where);
        followUp.Goto = read.String(node, "goto");
        followUp.GotoLine = YamlReader.LineOf(YamlReader.Child(node, "goto") ?? node);
        followUp.Offer = Reference(read, node, "offer", ContentKind.Journey, journey, where);
        return followUp;
    }

    /// <summary>Reads a card or journey id and notes it, to be checked once every file is loaded.</summary>
    private static string? Reference(YamlReader read, YamlMappingNode node, string key, ContentKind kind, JourneyDefinition journey, string where)
    {
        if (read.String(node, key) is not { Length: > 0 } id)
        {
            return null;
        }

        journey.References.Add(new ContentReference(kind, id, read.File, YamlReader.LineOf(YamlReader.Child(node, key)), where));
        return id;
    }

    private static void Check(YamlReader read, YamlMappingNode root, JourneyDefinition journey)
    {
        CheckMinutes(read, root, journey);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in journey.Steps.Where(s => s.Id.Length > 0))
        {
            if (!seen.Add(step.Id))
            {
                read.ErrorAt(step.Line, $"duplicate step id '{step.Id}'.");
            }
        }

        if (journey.Steps.Count(s => s.Mood) > 1)
        {
            read.Error(root, "only one step can be the mood score.");
        }

        foreach (var step in journey.Steps.Where(s => s.Mood && s.Answer.Kind != AnswerKind.Scale))
        {
            read.ErrorAt(step.Line, $"step '{step.Id}' is marked as the mood but is not a scale.");
        }

        // Branches only go forward, so every journey ends and a writer can read it top to bottom.
        var index = journey.Steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            CheckJump(read, index, i, step.Next, step.NextLine, $"step '{step.Id}': next goes");
            foreach (var followUp in step.Answer.Choices.Cast<AnswerFollowUp>().Concat(step.Answer.Bands))
            {
                var what = followUp is ChoiceDefinition c ? $"choice '{c.Value}'" : $"band {((ScaleBand)followUp).From}-{((ScaleBand)followUp).To}";
                CheckJump(read, index, i, followUp.Goto, followUp.GotoLine, $"step '{step.Id}': {what} goes");
            }
        }
    }

    // Journeys are short by design; a longer one says so in its file, so the exception is visible and reviewed.
    private static void CheckMinutes(YamlReader read, YamlMappingNode root, JourneyDefinition journey)
    {
        var minutes = YamlReader.Child(root, "minutes");
        if (journey.IsLong && journey.Minutes <= JourneyDefinition.ShortMinutes)
        {
            read.Error(YamlReader.Child(root, "long"), $"'long: true' is for a journey over {JourneyDefinition.ShortMinutes} minutes; give its 'minutes' or remove 'long'.");
        }
        else if (journey.IsLong && journey.Minutes > JourneyDefinition.LongMinutes)
        {
            read.Error(minutes, $"a long journey takes at most {JourneyDefinition.LongMinutes} minutes, not {journey.Minutes}.");
        }
        else if (!journey.IsLong && minutes is not null && (journey.Minutes < 1 || journey.Minutes > JourneyDefinition.ShortMinutes))
        {
            read.Error(minutes, $"a journey takes 1 to {JourneyDefinition.ShortMinutes} minutes, not {journey.Minutes}; mark one that cannot be shorter with 'long: true'.");
        }
    }

    private static void CheckJump(YamlReader read, Dictionary<string, int> index, int from, string? target, int line, string what)
    {
        if (target is null)
        {
            return;
        }

        if (!index.TryGetValue(target, out var to))
        {
            read.ErrorAt(line, $"{what} to step '{target}', which does not exist.");
        }
        else if (to <= from)
        {
            read.ErrorAt(line, $"{what} back to step '{target}'; a journey only skips forward.");
        }
    }
}
