using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Journeys;

/// <summary>Reads journey files into <see cref="JourneyDefinition"/>s, collecting every problem with its file and line.</summary>
public static class JourneyLoader
{
    public static JourneyDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ContentError(displayName, (int)Math.Max(1, ex.Start.Line), $"YAML syntax error: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ContentError(displayName, 1, "a journey file should be a mapping with id, title and steps."));
            return null;
        }

        var read = new YamlReader(displayName, errors);
        read.OnlyKeys(root, "id", "title", "summary", "minutes", "tags", "commands", "steps", "close");
        var journey = new JourneyDefinition
        {
            Id = read.String(root, "id", required: true) ?? string.Empty,
            Title = read.String(root, "title", required: true) ?? string.Empty,
            Summary = read.String(root, "summary", required: true) ?? string.Empty,
            Minutes = read.Int(root, "minutes") ?? 0,
            Tags = read.Strings(root, "tags"),
            Commands = read.Strings(root, "commands"),
            SourceFile = displayName,
        };

        foreach (var node in read.Maps(root, "steps", required: true))
        {
            journey.Steps.Add(ReadStep(read, node));
        }

        if (read.Map(root, "close") is { } close)
        {
            read.OnlyKeys(close, "savePrompt", "saved", "notSaved");
            journey.Close.SavePrompt = read.String(close, "savePrompt");
            journey.Close.Saved = read.String(close, "saved") ?? journey.Close.Saved;
            journey.Close.NotSaved = read.String(close, "notSaved") ?? journey.Close.NotSaved;
        }

        Check(read, root, journey);
        return journey;
    }

    private static JourneyStep ReadStep(YamlReader read, YamlMappingNode node)
    {
        read.OnlyKeys(node, "id", "prompt", "answer", "save", "mood");
        var step = new JourneyStep
        {
            Id = read.String(node, "id", required: true) ?? string.Empty,
            Prompt = read.Strings(node, "prompt"),
            Save = read.Bool(node, "save") ?? true,
            Mood = read.Bool(node, "mood") ?? false,
            Line = YamlReader.LineOf(node),
        };

        if (step.Prompt.Count == 0)
        {
            read.Error(node, $"step '{step.Id}' has no prompt.");
        }

        if (read.Map(node, "answer", required: true) is { } answer)
        {
            read.OnlyKeys(answer, "kind", "min", "max", "minLabel", "maxLabel", "choices");
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
                read.OnlyKeys(choice, "value", "synonyms");
                step.Answer.Choices.Add(new ChoiceDefinition
                {
                    Value = read.String(choice, "value", required: true) ?? string.Empty,
                    Synonyms = read.Strings(choice, "synonyms"),
                });
            }

            if (step.Answer.Kind == AnswerKind.Choice && step.Answer.Choices.Count < 2)
            {
                read.Error(answer, $"step '{step.Id}': a choice step needs at least two choices.");
            }
        }

        return step;
    }

    private static void Check(YamlReader read, YamlMappingNode root, JourneyDefinition journey)
    {
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
    }
}
