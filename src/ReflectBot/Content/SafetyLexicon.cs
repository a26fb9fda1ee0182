using System.Text.RegularExpressions;

namespace ReflectBot.Content;

/// <summary>The compiled content of <c>dialogs/safety/lexicon.yaml</c>; see that file for what each list means.</summary>
public sealed class SafetyLexicon
{
    /// <summary>Misspellings and slang, each to the word the patterns use; every such word also maps to itself.</summary>
    public required IReadOnlyDictionary<string, string> Spellings { get; init; }

    public required IReadOnlyList<LexiconClass> Classes { get; init; }

    public required IReadOnlyList<Regex> Idioms { get; init; }

    public required IReadOnlyList<Regex> Negations { get; init; }

    public required IReadOnlyList<Regex> Affirmations { get; init; }

    public required IReadOnlyList<Regex> OtherPeople { get; init; }

    public required IReadOnlyList<Regex> Settings { get; init; }

    public required IReadOnlyList<Regex> FirstPerson { get; init; }

    public required IReadOnlyList<Regex> PastMarkers { get; init; }

    public required IReadOnlyList<Regex> ResolvedMarkers { get; init; }

    public required IReadOnlyList<Regex> PresentMarkers { get; init; }

    public required IReadOnlyList<Regex> HabitualMarkers { get; init; }

    public required IReadOnlyList<Regex> PastTense { get; init; }

    public required IReadOnlyList<Regex> Addressed { get; init; }

    public required IReadOnlyList<Regex> RecurrenceMarkers { get; init; }

    public required IReadOnlyList<Regex> MinorMarkers { get; init; }

    /// <summary>The writer's own plan with a time (<c>plans</c>), over a phrase: a work or study word does not set that phrase aside.</summary>
    public IReadOnlyList<Regex> Plans { get; init; } = [];

    /// <summary>A voice, or something in the head, speaking or commanding: decides which reply a live risk gets, never whether there is one.</summary>
    public IReadOnlyList<Regex> VoiceMarkers { get; init; } = [];

    /// <summary>A voice or a presence named, without its words (<c>voiceNamed</c>): with <see cref="VoiceSpeech"/> anywhere in the same message, a voice speaks.</summary>
    public IReadOnlyList<Regex> VoiceNamed { get; init; } = [];

    /// <summary>"It says", "he tells me to", "they want me to" (<c>voiceSpeech</c>): a voice's words only in a message that names a voice (<see cref="VoiceNamed"/>).</summary>
    public IReadOnlyList<Regex> VoiceSpeech { get; init; } = [];

    /// <summary>What someone else's text must not say to its reader (a clinician's note to a client): read by <c>Safety/OthersTextScreen</c>, never by the message screen.</summary>
    public IReadOnlyList<Regex> ToReader { get; init; } = [];

    /// <summary>The bot's own questions about closeness (<c>closenessQuestions</c>): see <see cref="RiskScreen.IsClosenessQuestion"/>.</summary>
    public IReadOnlyList<Regex> ClosenessQuestions { get; init; } = [];

    /// <summary>Questions about being hurt by the person (<c>closenessExcept</c>): never closeness questions for the rule.</summary>
    public IReadOnlyList<Regex> ClosenessExcept { get; init; } = [];

    /// <summary>
    /// The same patterns in plain lists, so every pattern is called on every sentence: what the screen did before
    /// <see cref="PatternSet"/>, kept to show the two read every message alike (tests, the benchmark). A new list
    /// belongs here too.
    /// </summary>
    public SafetyLexicon CallingEveryPattern()
    {
        var lexicon = this;
        static IReadOnlyList<Regex> Plain(IReadOnlyList<Regex> list) => [.. list];
        return new SafetyLexicon
        {
            Spellings = lexicon.Spellings,
            Classes = [.. lexicon.Classes.Select(c => c with { Patterns = Plain(c.Patterns), Topics = Plain(c.Topics) })],
            Idioms = Plain(lexicon.Idioms),
            Negations = Plain(lexicon.Negations),
            Affirmations = Plain(lexicon.Affirmations),
            OtherPeople = Plain(lexicon.OtherPeople),
            Settings = Plain(lexicon.Settings),
            FirstPerson = Plain(lexicon.FirstPerson),
            PastMarkers = Plain(lexicon.PastMarkers),
            ResolvedMarkers = Plain(lexicon.ResolvedMarkers),
            PresentMarkers = Plain(lexicon.PresentMarkers),
            HabitualMarkers = Plain(lexicon.HabitualMarkers),
            PastTense = Plain(lexicon.PastTense),
            Addressed = Plain(lexicon.Addressed),
            RecurrenceMarkers = Plain(lexicon.RecurrenceMarkers),
            MinorMarkers = Plain(lexicon.MinorMarkers),
            Plans = Plain(lexicon.Plans),
            VoiceMarkers = Plain(lexicon.VoiceMarkers),
            VoiceNamed = Plain(lexicon.VoiceNamed),
            VoiceSpeech = Plain(lexicon.VoiceSpeech),
            ToReader = Plain(lexicon.ToReader),
            ClosenessQuestions = Plain(lexicon.ClosenessQuestions),
            ClosenessExcept = Plain(lexicon.ClosenessExcept),
        };
    }

    /// <summary>
    /// Interpreted backtracking: the non-backtracking engine took over ten seconds to build the lexicon
    /// (it is built at every start), and compiling the patterns put most of a second on the first reply; a pattern
    /// is passed over instead where the text it needs is absent (<see cref="PatternSet"/>). The screen bounds the
    /// cost: every pattern runs on one sentence of at most <see cref="RiskScreen.MaxWindow"/> characters, the loader refuses nested
    /// unbounded repetition, and each match has a timeout. Text is lower-cased first, so no IgnoreCase.
    /// </summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>
    /// Each pattern's time limit, as a guard: patterns cannot be slow by construction (the loader refuses unbounded
    /// repeats). It is wall-clock time, so the screen reads a pattern that runs out of it once more (<c>Safety/PatternPatience</c>).
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
}
