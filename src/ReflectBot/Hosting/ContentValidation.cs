using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>validate [folder]</c>: checks a content folder (journeys, cards, measures, and the safety folder: lexicon,
/// resources, replies, training examples, labelled sets, and model weights trained on exactly this content and
/// for this embedding model) with the loaders start-up uses, and exits non-zero on any error; warns (exit code
/// unchanged) for content that changed after its review in <c>REVIEW.md</c>.
/// </summary>
public static class ContentValidation
{
    public static int Run(string? folder, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        folder = ContentOptions.ResolveFolder(folder ?? new ContentOptions().Path);
        var errors = new List<ContentError>();
        var summary = Check(folder, errors);
        if (errors.Count == 0)
        {
            // The weights must also have been trained for the embedding model this build carries.
            Safety.SafetyContent.LoadWeights(folder, errors, Safety.Model.SentenceEmbedder.ModelSha256());
        }
        foreach (var problem in errors)
        {
            error.WriteLine(problem.ToString());
        }

        // Warnings leave the exit code alone: a file read long ago still works.
        var warnings = ContentReviewRecord.Warnings(folder);
        foreach (var warning in warnings)
        {
            error.WriteLine($"{warning.File}:{warning.Line}: warning: {warning.Message}");
        }

        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} problem(s) in {folder}.");
            return 1;
        }

        output.WriteLine(warnings.Count == 0
            ? $"{folder}: {summary}: no problems."
            : $"{folder}: {summary}: no problems, {warnings.Count} review warning(s).");
        return 0;
    }

    /// <summary>Loads every kind of content file in <paramref name="folder"/>, adding each problem to <paramref name="errors"/>; returns what was found.</summary>
    public static string Check(string folder, List<ContentError> errors)
    {
        var library = ContentLibrary.LoadWithErrors(folder, errors);
        Safety.SafetyContent.Load(folder, errors);
        var measures = MeasureLoader.LoadAll(folder, errors);
        Safety.Evaluation.SafetyEvaluation.LoadSets(folder, errors);
        Safety.Model.SafetyExamples.LoadExamples(folder, errors);
        CheckCommands(folder, library, measures, TurnRoutes.Table, errors);
        return $"{library.Journeys.All.Count} journeys, {library.Cards.All.Count} cards, {measures.Count} measures, the safety lexicon, crisis resources, replies, training examples, labelled sets and model weights";
    }

    /// <summary>
    /// A journey's or a measure's command (content) that a row of the code's (<paramref name="table"/>) already
    /// takes would never start it: each one is named with its file and line.
    /// </summary>
    public static void CheckCommands(string folder, ContentLibrary library, IReadOnlyList<MeasureDefinition> measures, RouteTable table, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(errors);
        var declared = library.Journeys.All.SelectMany(j => j.Commands.Select(c => (File: j.SourceFile, Command: c)))
            .Concat(measures.SelectMany(m => m.Commands.Select(c => (File: MeasureFile(folder, m.Id), Command: c))));
        foreach (var (file, command) in declared)
        {
            if (table.Claiming(command).FirstOrDefault() is { } taken)
            {
                errors.Add(new ContentError(file, LineOf(folder, file, command), $"the command '{command}' is already the code's (\"{taken.Name}\": {taken.Says}), so it would never start this; choose other words."));
            }
        }
    }

    private static string MeasureFile(string folder, string id)
        => Directory.Exists(Path.Combine(folder, "measures"))
            ? Directory.EnumerateFiles(Path.Combine(folder, "measures"), "*.yaml")
                .Select(f => Path.GetRelativePath(folder, f))
                .FirstOrDefault(f => File.ReadLines(Path.Combine(folder, f)).Any(l => l.Trim() == $"id: {id}")) ?? Path.Combine("measures", id + ".yaml")
            : Path.Combine("measures", id + ".yaml");

    // The line of the command in its file (the commands list, or the line that names it), else the first line.
    private static int LineOf(string folder, string file, string command)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return 1;
        }

        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("commands:", StringComparison.Ordinal) && l.Contains(command, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            at = Array.FindIndex(lines, l => l.Contains(command, StringComparison.OrdinalIgnoreCase));
        }

        return at + 1 is > 0 and var line ? line : 1;
    }
}
