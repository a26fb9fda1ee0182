using System.Text.RegularExpressions;

namespace ReflectBot.Content;

/// <summary>
/// One risk class of the lexicon. <see cref="Patterns"/> are statements that carry their own stance
/// ("I want to die", "he hits me"); <see cref="Topics"/> are words that count only in a sentence that
/// speaks of the writer (first person) and is not set in a book, a course or someone else's life
/// ("suicide", "overdose", "laxatives").
/// </summary>
public sealed record LexiconClass(RiskClass Class, IReadOnlyList<Regex> Patterns, IReadOnlyList<Regex> Topics);
