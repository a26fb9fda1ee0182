using Microsoft.Extensions.Options;
using ReflectBot.Journeys;

namespace ReflectBot.Safety;

/// <summary>The safety lexicon and crisis resources from the content folder, loaded and checked once.</summary>
public sealed class SafetyContent
{
    public SafetyContent(IOptions<ContentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ContentError>();
        var (lexicon, resources) = Load(options.Value.Path, errors);
        if (errors.Count > 0 || lexicon is null || resources is null)
        {
            throw new ContentException(errors);
        }

        Lexicon = lexicon;
        Resources = resources;
        Screen = new RiskScreen(lexicon);
    }

    public SafetyLexicon Lexicon { get; }

    public CrisisResources Resources { get; }

    public RiskScreen Screen { get; }

    public static (SafetyLexicon? Lexicon, CrisisResources? Resources) Load(string folder, List<ContentError> errors)
        => (SafetyContentLoader.LoadLexicon(folder, errors), SafetyContentLoader.LoadResources(folder, errors));
}
