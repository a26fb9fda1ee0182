using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Safety.Model;

namespace ReflectBot.Safety;

/// <summary>
/// The safety content from the content folder, loaded and checked once: the lexicon, the crisis resources,
/// the replies, and the model layer's weights (which must have been trained on this content).
/// </summary>
public sealed class SafetyContent
{
    public SafetyContent(IOptions<ContentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ContentError>();
        var (lexicon, resources, replies, weights) = Load(options.Value.Path, errors);
        if (errors.Count > 0 || lexicon is null || resources is null || replies is null || weights is null)
        {
            throw new ContentException(errors);
        }

        Lexicon = lexicon;
        Resources = resources;
        Replies = replies;
        Weights = weights;
        Screen = new RiskScreen(lexicon);
    }

    public SafetyLexicon Lexicon { get; }

    public CrisisResources Resources { get; }

    public SafetyReplies Replies { get; }

    public SafetyModelWeights Weights { get; }

    /// <summary>The lexicon layer alone.</summary>
    public RiskScreen Screen { get; }

    public static (SafetyLexicon? Lexicon, CrisisResources? Resources, SafetyReplies? Replies, SafetyModelWeights? Weights) Load(string folder, List<ContentError> errors)
        => (SafetyContentLoader.LoadLexicon(folder, errors), SafetyContentLoader.LoadResources(folder, errors), SafetyRepliesLoader.Load(folder, errors), LoadWeights(folder, errors, modelSha256: null));

    /// <summary>
    /// <c>safety/model.json</c>, refused when it was trained on other examples, another development set or
    /// another lexicon; with <paramref name="modelSha256"/>, also when it was trained for another embedding model.
    /// </summary>
    public static SafetyModelWeights? LoadWeights(string folder, List<ContentError> errors, string? modelSha256)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var display = Path.Combine("safety", TrainSafetyCommand.WeightsFile);
        var path = Path.Combine(folder, display);
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(display, 1, "the model layer's weights are missing: run 'dotnet run --project src/ReflectBot -- train-safety' and commit safety/model.json."));
            return null;
        }

        var weights = SafetyModelWeights.FromJson(File.ReadAllText(path), out var error);
        if (weights is null)
        {
            errors.Add(new ContentError(display, 1, $"not readable as weights: {error}"));
            return null;
        }

        if (weights.Problem(SafetyExamples.TrainingSha256(folder), modelSha256) is { } problem)
        {
            errors.Add(new ContentError(display, 1, problem));
            return null;
        }

        return weights;
    }
}
