using YamlDotNet.RepresentationModel;
using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>
/// Reads <c>dialogs/measures/*.yaml</c> into <see cref="MeasureDefinition"/>s. The shape is measure.schema.json's to
/// check; here only what a schema cannot say: options score differently, item ids are unique, bands lie within the
/// scores and do not overlap, and no two measures share an id or a command.
/// </summary>
public static class MeasureLoader
{
    /// <summary>Every measure in <c>{contentFolder}/measures</c>; none when the folder is absent.</summary>
    public static IReadOnlyList<MeasureDefinition> LoadAll(string contentFolder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var folder = Path.Combine(contentFolder, "measures");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var measures = new List<(MeasureDefinition Measure, string File)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(contentFolder, file);
            if (Load(file, display, errors) is { } measure)
            {
                measures.Add((measure, display));
            }
        }

        foreach (var group in measures.GroupBy(m => m.Measure.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(group.Last().File, 1, $"measure id '{group.Key}' is also used by {group.First().File}."));
        }

        var commands = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (measure, file) in measures)
        {
            foreach (var command in measure.Commands.Select(JourneyCatalog.Normalize).Distinct(StringComparer.Ordinal))
            {
                if (!commands.TryAdd(command, file))
                {
                    errors.Add(new ContentError(file, 1, $"command '{command}' is also used by {commands[command]}."));
                }
            }
        }

        return [.. measures.Select(m => m.Measure)];
    }

    public static MeasureDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        if (Read(path, displayName, errors) is not { } root)
        {
            return null;
        }

        void Error(YamlNode node, string message) => errors.Add(new ContentError(displayName, YamlJson.LineOf(node), message));

        var measure = new MeasureDefinition
        {
            Id = Text(root, "id")!,
            Title = Text(root, "title")!,
            Summary = Text(root, "summary") ?? string.Empty,
            Commands = Texts(root, "commands"),
            Terms = Text(root, "terms")!,
            Preamble = Text(root, "preamble")!,
        };

        foreach (var node in Maps(root, "options"))
        {
            var option = new MeasureOption { Value = Number(node, "value")!.Value, Label = Text(node, "label")! };
            if (measure.Options.Any(o => o.Value == option.Value))
            {
                Error(node, $"two options score {option.Value}.");
            }

            measure.Options.Add(option);
        }

        foreach (var node in Maps(root, "items"))
        {
            var item = new MeasureItem { Id = Text(node, "id")!, Text = Text(node, "text")!, Safety = Flag(node, "safety") ?? false };
            if (measure.Items.Any(i => i.Id == item.Id))
            {
                Error(node, $"duplicate item id '{item.Id}'.");
            }

            measure.Items.Add(item);
        }

        if (Map(root, "difficulty") is { } difficulty)
        {
            measure.Difficulty = new MeasureDifficulty { Text = Text(difficulty, "text")!, Options = Texts(difficulty, "options") };
        }

        foreach (var node in Maps(root, "bands"))
        {
            var band = new MeasureBand { Min = Number(node, "min")!.Value, Max = Number(node, "max")!.Value };
            if (band.Min > band.Max)
            {
                Error(node, $"the band's min ({band.Min}) is above its max ({band.Max}).");
            }
            else if (band.Max > measure.MaxScore)
            {
                Error(node, $"the band {band.Min}-{band.Max} is outside the scores 0-{measure.MaxScore}.");
            }
            else if (measure.Bands.Any(b => band.Min <= b.Max && b.Min <= band.Max))
            {
                Error(node, $"the band {band.Min}-{band.Max} overlaps another.");
            }

            measure.Bands.Add(band);
        }

        return measure;
    }
}
