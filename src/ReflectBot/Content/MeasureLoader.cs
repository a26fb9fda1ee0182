using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// Reads <c>dialogs/measures/*.yaml</c> into <see cref="MeasureDefinition"/>s, collecting every problem with
/// its file and line, the way journeys and the safety content are read (dialogs/schema/measure.schema.json
/// describes the same format for editors).
/// </summary>
public static partial class MeasureLoader
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

        foreach (var group in measures.Where(m => m.Measure.Id.Length > 0).GroupBy(m => m.Measure.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
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
        if (YamlReader.ReadRoot(path, displayName, errors, "a measure file should be a mapping with id, title, terms, preamble, options and items.") is not { } root)
        {
            return null;
        }

        var read = new YamlReader(displayName, errors);
        read.OnlyKeys(root, "id", "title", "summary", "commands", "terms", "preamble", "options", "items", "bands");
        var measure = new MeasureDefinition
        {
            Id = read.String(root, "id", required: true) ?? string.Empty,
            Title = read.String(root, "title", required: true) ?? string.Empty,
            Summary = read.String(root, "summary") ?? string.Empty,
            Commands = read.Strings(root, "commands"),
            Terms = read.String(root, "terms", required: true) ?? string.Empty,
            Preamble = read.String(root, "preamble", required: true) ?? string.Empty,
        };

        if (measure.Id.Length > 0 && !Id().IsMatch(measure.Id))
        {
            read.Error(YamlReader.Child(root, "id"), $"measure id '{measure.Id}' should be lowercase letters, digits and dashes.");
        }

        ReadOptions(read, root, measure);
        ReadItems(read, root, measure);
        ReadBands(read, root, measure);
        return measure;
    }

    private static void ReadOptions(YamlReader read, YamlMappingNode root, MeasureDefinition measure)
    {
        foreach (var node in read.Maps(root, "options", required: true))
        {
            read.OnlyKeys(node, "value", "label");
            var option = new MeasureOption { Value = read.Int(node, "value", required: true) ?? 0, Label = read.String(node, "label", required: true) ?? string.Empty };
            if (option.Value < 0)
            {
                read.Error(YamlReader.Child(node, "value"), $"an option's value is the points it scores: 0 or more, not {option.Value}.");
            }
            else if (measure.Options.Any(o => o.Value == option.Value))
            {
                read.Error(node, $"two options score {option.Value}.");
            }

            measure.Options.Add(option);
        }

        if (measure.Options.Count == 1)
        {
            read.Error(YamlReader.Child(root, "options"), "a measure needs at least two options.");
        }
    }

    private static void ReadItems(YamlReader read, YamlMappingNode root, MeasureDefinition measure)
    {
        foreach (var node in read.Maps(root, "items", required: true))
        {
            read.OnlyKeys(node, "id", "text", "safety");
            var item = new MeasureItem
            {
                Id = read.String(node, "id", required: true) ?? string.Empty,
                Text = read.String(node, "text", required: true) ?? string.Empty,
                Safety = read.Bool(node, "safety") ?? false,
            };
            if (item.Id.Length > 0 && measure.Items.Any(i => i.Id == item.Id))
            {
                read.Error(node, $"duplicate item id '{item.Id}'.");
            }

            measure.Items.Add(item);
        }

        if (measure.Items.Count == 0 && YamlReader.Child(root, "items") is YamlSequenceNode empty)
        {
            read.Error(empty, "a measure needs at least one item.");
        }
    }

    private static void ReadBands(YamlReader read, YamlMappingNode root, MeasureDefinition measure)
    {
        foreach (var node in read.Maps(root, "bands"))
        {
            read.OnlyKeys(node, "min", "max");
            var band = new MeasureBand { Min = read.Int(node, "min", required: true) ?? 0, Max = read.Int(node, "max", required: true) ?? 0 };
            if (band.Min > band.Max)
            {
                read.Error(node, $"the band's min ({band.Min}) is above its max ({band.Max}).");
            }
            else if (band.Min < 0 || band.Max > measure.MaxScore)
            {
                read.Error(node, $"the band {band.Min}-{band.Max} is outside the scores 0-{measure.MaxScore}.");
            }
            else if (measure.Bands.Any(b => band.Min <= b.Max && b.Min <= band.Max))
            {
                read.Error(node, $"the band {band.Min}-{band.Max} overlaps another.");
            }

            measure.Bands.Add(band);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
