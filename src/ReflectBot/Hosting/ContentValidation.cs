using ReflectBot.Journeys;
using ReflectBot.Content;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>validate [folder]</c>: checks a content folder (journeys, cards, measures, and the safety folder: lexicon,
/// resources, replies, training examples, labelled sets, and model weights trained on exactly this content and
/// for this embedding model) with the loaders start-up uses, and exits non-zero on any error.
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

        if (errors.Count > 0)
        {
            error.WriteLine($"{errors.Count} problem(s) in {folder}.");
            return 1;
        }

        output.WriteLine($"{folder}: {summary}: no problems.");
        return 0;
    }

    /// <summary>Loads every kind of content file in <paramref name="folder"/>, adding each problem to <paramref name="errors"/>; returns what was found.</summary>
    public static string Check(string folder, List<ContentError> errors)
    {
        var library = ContentLibrary.LoadWithErrors(folder, errors);
        Safety.SafetyContent.Load(folder, errors);
        var measures = ReflectBot.Content.MeasureLoader.LoadAll(folder, errors);
        Safety.Evaluation.SafetyEvaluation.LoadSets(folder, errors);
        Safety.Model.SafetyExamples.LoadExamples(folder, errors);
        return $"{library.Journeys.All.Count} journeys, {library.Cards.All.Count} cards, {measures.Count} measures, the safety lexicon, crisis resources, replies, training examples, labelled sets and model weights";
    }
}
