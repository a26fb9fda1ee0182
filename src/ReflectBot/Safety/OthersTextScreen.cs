namespace ReflectBot.Safety;

/// <summary>
/// <see cref="IOthersTextScreen"/> over the safety content: the lexicon's <c>toReader</c> patterns, read
/// sentence by sentence on the normalized text like every other pattern (so "k1ll urself" is read too), then
/// risk language: any risk phrase of the lexicon, whoever it is about, or the message screen's alarm (risk
/// talk is not for a one-off note either: the writer is asked to contact the person directly). Harm to the reader is checked
/// first: it is the more specific reason to give the writer.
/// </summary>
public sealed class OthersTextScreen(SafetyContent content, SafetyScreen screen) : IOthersTextScreen
{
    public async Task<OthersTextVerdict> CheckAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = SafetyText.Normalize(text.Length > RiskScreen.MaxChars ? text[..RiskScreen.MaxChars] : text, content.Lexicon.Spellings);
        foreach (var sentence in RiskScreen.Windows(normalized))
        {
            // A sentence that cannot be read in time is held back: the writer is asked to reword, the reader is spared.
            if (content.Screen.AnyMatch(content.Lexicon.ToReader, sentence, whenUnread: true))
            {
                return new OthersTextVerdict(OthersTextReason.HarmfulToReader);
            }
        }

        // Risk words the message screen sets aside as not the writer's own ("do you still want to die?" is
        // addressed to someone) are still risk talk in a note to someone who may be at risk.
        var risky = content.Screen.Read(text).OnTopic || (await screen.ScreenAsync(text, cancellationToken).ConfigureAwait(false)).IsAlarm;
        return risky ? new OthersTextVerdict(OthersTextReason.RiskLanguage) : OthersTextVerdict.Passed;
    }
}
