using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// The crisis screen on words a clinician writes for a client to read (replies to entries, their own
/// reflections): the one place the clinic calls it for someone else's text. The screen's lexicon reads the
/// writer's own risk; a screen for words written to someone else is coming from the safety feature and is to be
/// called from here when it lands.
/// </summary>
public sealed class ClinicianTextScreen(SafetyScreen screen)
{
    /// <summary>True when any of the texts reads as risk or crisis; such words are never passed on.</summary>
    public async Task<bool> HoldsAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text) && (await screen.ScreenAsync(text, cancellationToken).ConfigureAwait(false)).IsAlarm)
            {
                return true;
            }
        }

        return false;
    }
}
