using System.Text.RegularExpressions;
using ReflectBot.Content;

namespace ReflectBot.Safety;

/// <summary>
/// The lexicon layer of the safety screen (<c>dialogs/safety/lexicon.yaml</c>): fast, explainable, pure
/// and in memory, so it works when everything else is down. It reads the message sentence by sentence
/// and judges every match of a class in its own place:
/// <list type="bullet">
/// <item>a negation counts only at the end of the same clause, just before the phrase ("I would never
/// hurt myself"); an affirmation that looks like one does not ("I can't stop cutting");</item>
/// <item>a topic word ("suicide", "laxatives") counts only in a sentence about the writer, not set in a
/// book, a course or someone else's life;</item>
/// <item>a match is past when its sentence speaks of the past or its clause (or a later one) of having
/// come through it, and nothing in its own clause says it is now ("I used to cut, I've been clean for
/// two years"); a relapse anywhere in the message makes it present again.</item>
/// </list>
/// Every pattern runs on one sentence of at most <see cref="MaxWindow"/> characters at a time, so the
/// cost grows linearly with the length of the message (<see cref="LexiconReading.Work"/> counts it).
/// </summary>
/// <param name="lexicon">The compiled lexicon.</param>
/// <param name="patience">The retry of a pattern that ran out of time (<see cref="PatternPatience"/>); null for the shipped one.</param>
public sealed partial class RiskScreen(SafetyLexicon lexicon, PatternPatience? patience = null)
{
    private readonly PatternPatience _patience = patience ?? new PatternPatience(PatternPatience.Default);

    /// <summary>Longest text screened; a message is at most a few thousand characters (see InputLimitsMiddleware), this bounds the rest.</summary>
    public const int MaxChars = 20_000;

    /// <summary>Longest stretch a pattern is run on; a longer sentence is read in overlapping windows.</summary>
    public const int MaxWindow = 400;

    private const int Overlap = 100;

    public SafetyLexicon Lexicon => lexicon;

    /// <summary>The lexicon's verdict alone: the most urgent class with a live match, else None.</summary>
    public RiskClass Screen(string? text) => Read(text).Live;

    /// <summary>
    /// Whether <paramref name="question"/> (the bot's question a person is answering, in its own words) is one of the
    /// bot's questions about closeness, attachment and the feelings of closeness (<c>closenessQuestions</c>, minus
    /// <c>closenessExcept</c>): round ten's closeness rule (<see cref="SafetyScreen.ForAnswer"/>). Null or blank: no.
    /// </summary>
    public bool IsClosenessQuestion(string? question)
    {
        if (string.IsNullOrWhiteSpace(question) || lexicon.ClosenessQuestions.Count == 0)
        {
            return false;
        }

        var text = SafetyText.Normalize(question.Length > MaxWindow ? question[^MaxWindow..] : question, lexicon.Spellings);

        // A question that cannot be read in time (twice) counts as no match: the full reply then keeps its place.
        return AnyMatch(lexicon.ClosenessQuestions, text, whenUnread: false) && !AnyMatch(lexicon.ClosenessExcept, text, whenUnread: false);
    }

    /// <summary>
    /// Whether a pattern of <paramref name="patterns"/> (one of the lexicon's lists the message screen does not read, such
    /// as <c>toReader</c>) matches <paramref name="sentence"/>, with the screen's retry; <paramref name="whenUnread"/> when a
    /// pattern could not be read in time even then.
    /// </summary>
    public bool AnyMatch(IReadOnlyList<Regex> patterns, string sentence, bool whenUnread)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (var pattern in PatternSet.Candidates(patterns, sentence))
        {
            try
            {
                if (_patience.IsMatch(pattern, sentence))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return whenUnread;
            }
        }

        return false;
    }

    public LexiconReading Read(string? text)
    {
        var reading = new LexiconReading();
        if (string.IsNullOrWhiteSpace(text))
        {
            return reading;
        }

        var normalized = SafetyText.Normalize(text.Length > MaxChars ? text[..MaxChars] : text, lexicon.Spellings);
        reading.Normalized = normalized;
        reading.Question = normalized.Contains('?', StringComparison.Ordinal);
        var windows = Windows(normalized);

        // Message-wide facts first: a relapse anywhere makes every past mention present; a minor's abuse is a child in danger;
        // a voice speaks when a marker says so in one sentence, or when one sentence names a voice and another (or the
        // same) gives its words ("It's the voice. It's started telling me how").
        var named = false;
        var speech = false;
        foreach (var window in windows)
        {
            reading.Recurrence |= Any(lexicon.RecurrenceMarkers, window, reading);
            reading.Minor |= Any(lexicon.MinorMarkers, window, reading);
            reading.VoiceSpeaking |= Any(lexicon.VoiceMarkers, window, reading);
            named |= Any(lexicon.VoiceNamed, window, reading);
            speech |= Any(lexicon.VoiceSpeech, window, reading);
        }

        reading.VoiceSpeaking |= named && speech;

        // A phrase told in the past tense, with nothing saying it is now, is past when a later sentence
        // says it is over ("I took a lot of pills in 2019. I'm ok now.").
        var tentative = new List<(int Sentence, RiskClass Risk)>();
        var resolvedIn = new List<int>();
        for (var i = 0; i < windows.Count; i++)
        {
            if (ReadSentence(windows[i], reading, i, tentative))
            {
                resolvedIn.Add(i);
            }
        }

        foreach (var (sentence, risk) in tentative)
        {
            if (!reading.Recurrence && resolvedIn.Any(r => r > sentence))
            {
                reading.MarkPast(risk);
            }
            else
            {
                reading.MarkLive(risk);
            }
        }

        reading.Decide();
        return reading;
    }

    /// <summary>Judges every match in one sentence; returns whether the sentence says something is over.</summary>
    private bool ReadSentence(string sentence, LexiconReading reading, int sentenceIndex, List<(int Sentence, RiskClass Risk)> tentative)
    {
        var text = Blank(sentence, lexicon.Idioms, reading);
        var clauses = Clauses(text);
        var pastAt = Positions(lexicon.PastMarkers, text, reading);
        var past = pastAt.Count > 0;
        var habitual = Positions(lexicon.HabitualMarkers, text, reading);
        var pastTense = Positions(lexicon.PastTense, text, reading);
        var setting = Any(lexicon.Settings, text, reading);
        var firstPerson = Any(lexicon.FirstPerson, text, reading);
        var resolved = Positions(lexicon.ResolvedMarkers, text, reading);
        var present = Positions(lexicon.PresentMarkers, text, reading);
        reading.PastMarker |= past;
        reading.Setting |= setting;
        reading.FirstPerson |= firstPerson;
        reading.Resolved |= resolved.Count > 0;
        reading.PresentMarker |= present.Count > 0;

        foreach (var risk in lexicon.Classes)
        {
            foreach (var pattern in PatternSet.Candidates(risk.Patterns, text))
            {
                foreach (var match in Matches(pattern, text, reading))
                {
                    Judge(risk.Class, statement: true, match.Index, match.Length);
                }
            }

            foreach (var pattern in PatternSet.Candidates(risk.Topics, text))
            {
                foreach (var match in Matches(pattern, text, reading))
                {
                    Judge(risk.Class, statement: false, match.Index, match.Length);
                }
            }
        }

        void Judge(RiskClass risk, bool statement, int index, int length)
        {
            var (start, end) = ClauseAround(clauses, index);
            var before = text[start..index];
            if (IsNegated(before, reading) || Any(lexicon.Addressed, before.Length > 80 ? before[^80..] : before, reading))
            {
                reading.SetAside(risk);
                reading.Negated = true;
                return;
            }

            // A topic word counts in a sentence about the writer (or about nobody named: "self-harm is all that helps"),
            // not in a story, a course or someone else's life;
            // a statement with no "I" or "me" anywhere in its sentence is someone else's when someone else is named before it.
            // A work or study word does not reach the writer's own plan with a time ("I'm going to take an overdose after
            // my shift tonight"; round fourteen): a setting sets aside talk about a topic, not what the writer will do.
            var someoneElse = SomeoneElse(text, index, reading);
            var anyoneElse = someoneElse || (!firstPerson && Any(lexicon.OtherPeople, text, reading));
            var inSetting = setting && !OwnPlan(text, index, reading);
            if ((!statement && (inSetting || someoneElse || (!firstPerson && anyoneElse))) || (statement && !firstPerson && (someoneElse || inSetting)))
            {
                reading.SetAside(risk);
                reading.OtherPerson |= someoneElse;
                return;
            }

            // Now-words in the phrase's own clause (or the phrase itself) keep it present, unless the clause
            // first says it is over ("two years since I last self-harmed, today").
            // Habits ("every day") are now unless the clause itself is in the past ("I used to ... every day"), or
            // its verb is in the past tense in a sentence set in the past ("When I was a child, my uncle beat me
            // every day"; round thirteen). A habit told in the present there stays now ("..., he follows me every day").
            // A past marker in an earlier clause does not reach across a contrast to a clause told in the present ("I left
            // him in 2015, but he hits me every week"; round fourteen): there the past is the contrast's other side.
            bool InClause(List<int> at) => at.Any(p => p >= start && p < Math.Max(end, index + length));
            var resolvedFirst = resolved.Any(p => p >= start && p < index);
            var pastHere = past && (InClause(pastTense) || pastAt.Any(p => p >= start || !Contrast().IsMatch(text[p..start])));
            var pastHabit = InClause(pastAt) || (pastHere && InClause(pastTense));
            var now = !resolvedFirst && (InClause(present) || (InClause(habitual) && !pastHabit));
            var over = pastHere || resolved.Any(p => p >= start);
            if (!now && !reading.Recurrence && over)
            {
                reading.MarkPast(risk);
            }
            else if (!now && InClause(pastTense))
            {
                tentative.Add((sentenceIndex, risk));
            }
            else
            {
                reading.MarkLive(risk);
            }
        }

        return resolved.Count > 0;
    }

    /// <summary>
    /// Whether the phrase at <paramref name="index"/> is the object of the writer's own plan with a time (<c>plans</c>:
    /// "I'm going to take an overdose after my shift tonight", "tonight, after work, I'll take an overdose"): a plan's
    /// match is the intent and its verb and ends where the phrase begins; the time may lie anywhere in the sentence.
    /// </summary>
    private bool OwnPlan(string sentence, int index, LexiconReading reading)
    {
        foreach (var pattern in PatternSet.Candidates(lexicon.Plans, sentence))
        {
            foreach (var (at, length) in Matches(pattern, sentence, reading))
            {
                if (at + length == index)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsNegated(string before, LexiconReading reading)
    {
        if (before.Length == 0)
        {
            return false;
        }

        // Only the last few words matter: "I can't stop thinking about" is an affirmation, "I would never" a denial.
        var tail = before.Length > 80 ? before[^80..] : before;
        return !Any(lexicon.Affirmations, tail, reading) && Any(lexicon.Negations, tail, reading);
    }

    /// <summary>
    /// Whether the nearest subject before a phrase is someone else ("my brother is suicidal", not "my
    /// brother knows I'm suicidal"): someone named after the writer's last "I", "me" or "my". The names are
    /// matched in the whole sentence (a name's pattern may look at the words after it: "she doesn't know it was
    /// the last time" names who is unaware, not whose harm; round sixteen) and count when they end before the phrase.
    /// </summary>
    private bool SomeoneElse(string sentence, int index, LexiconReading reading)
    {
        var other = LastEnd(lexicon.OtherPeople, sentence, reading, before: index);
        return other >= 0 && other > LastStart(lexicon.FirstPerson, sentence[..index], reading);
    }

    private bool Any(IReadOnlyList<Regex> patterns, string text, LexiconReading reading)
    {
        foreach (var pattern in PatternSet.Candidates(patterns, text))
        {
            reading.Work += text.Length;
            try
            {
                if (_patience.IsMatch(pattern, text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A marker that cannot be read in time (twice) is taken as absent: markers only ever set a match aside.
            }
        }

        return false;
    }

    private int LastStart(IReadOnlyList<Regex> patterns, string text, LexiconReading reading)
    {
        var last = -1;
        foreach (var pattern in PatternSet.Candidates(patterns, text))
        {
            foreach (var match in Matches(pattern, text, reading))
            {
                last = Math.Max(last, match.Index);
            }
        }

        return last;
    }

    private int LastEnd(IReadOnlyList<Regex> patterns, string text, LexiconReading reading, int before)
    {
        var last = -1;
        foreach (var pattern in PatternSet.Candidates(patterns, text))
        {
            foreach (var match in Matches(pattern, text, reading, unreadIsMatch: false))
            {
                var end = match.Index + match.Length;
                if (end <= before)
                {
                    last = Math.Max(last, end);
                }
            }
        }

        return last;
    }

    private List<int> Positions(IReadOnlyList<Regex> patterns, string text, LexiconReading reading)
    {
        var positions = new List<int>();
        foreach (var pattern in PatternSet.Candidates(patterns, text))
        {
            positions.AddRange(Matches(pattern, text, reading).Select(m => m.Index));
        }

        return positions;
    }

    /// <param name="unreadIsMatch">
    /// What a sentence the screen cannot read in time, even on the longer retry, counts as: a match at its start for a
    /// pattern that can raise risk (help, not silence); no match for a marker that can only set a phrase aside (someone
    /// else named before it, read in the whole sentence since round sixteen), so a timeout never spares a phrase.
    /// </param>
    private List<(int Index, int Length)> Matches(Regex pattern, string text, LexiconReading reading, bool unreadIsMatch = true)
    {
        reading.Work += text.Length;
        try
        {
            return _patience.Matches(pattern, text);
        }
        catch (RegexMatchTimeoutException)
        {
            reading.TimedOut = true;
            return unreadIsMatch ? [(0, 0)] : [];
        }
    }

    private string Blank(string text, IReadOnlyList<Regex> patterns, LexiconReading reading)
    {
        if (patterns.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var pattern in PatternSet.Candidates(patterns, text))
        {
            reading.Work += text.Length;
            try
            {
                foreach (var (index, length) in _patience.Matches(pattern, text))
                {
                    Array.Fill(chars, ' ', index, length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Unblanked words can only make the screen fire more often, never less.
            }
        }

        return new string(chars);
    }

    /// <summary>Sentences (ended by . ! ? ; a line break or " / "), each cut into windows of at most <see cref="MaxWindow"/> characters.</summary>
    public static List<string> Windows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var windows = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length
                || text[i] is '.' or '!' or '?' or ';' or '\n' or '\r'
                || (text[i] == '/' && i > 0 && i + 1 < text.Length && text[i - 1] == ' ' && text[i + 1] == ' ');
            if (!end)
            {
                continue;
            }

            AddSentence(text, start, i, windows);
            start = i + 1;
        }

        return windows;
    }

    private static void AddSentence(string text, int start, int end, List<string> windows)
    {
        while (start < end && text[start] == ' ')
        {
            start++;
        }

        while (end - start > MaxWindow)
        {
            // Cut at a space, and let the next window start a little before the cut so a phrase across it is still read whole.
            var cut = text.LastIndexOf(' ', start + MaxWindow - 1, MaxWindow - Overlap);
            cut = cut <= start + Overlap ? start + MaxWindow : cut;
            windows.Add(text[start..cut]);
            start = cut - Overlap;
        }

        if (end > start)
        {
            windows.Add(text[start..end]);
        }
    }

    /// <summary>The clauses of a sentence, each from just after one boundary to just before the next.</summary>
    private static List<(int Start, int End)> Clauses(string text)
    {
        var clauses = new List<(int, int)>();
        var start = 0;
        for (var match = ClauseBoundary().Match(text); match.Success; match = match.NextMatch())
        {
            clauses.Add((start, match.Index));
            start = match.Index + match.Length;
        }

        clauses.Add((start, text.Length));
        return clauses;
    }

    private static (int Start, int End) ClauseAround(List<(int Start, int End)> clauses, int index)
    {
        foreach (var (start, end) in clauses)
        {
            if (index < end || end == clauses[^1].End)
            {
                // A phrase that starts inside a boundary ("and now ...") belongs to the clause after it.
                return (Math.Min(start, index), end);
            }
        }

        return clauses[^1];
    }

    [GeneratedRegex(@"\b(but|yet|though|although|whereas|except|and now|now)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    [GeneratedRegex(@"[,:()""]| - |\band (now|then|these days|today)\b|\b(but|so|because|cause|cos|though|although|yet|whereas|except|which|while|whilst|even if)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBoundary();
}
