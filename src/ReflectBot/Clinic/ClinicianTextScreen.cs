using ReflectBot.Safety;

namespace ReflectBot.Clinic;

/// <summary>
/// The screen on words a clinician writes for a client to read (replies to entries, their own reflections):
/// the one place the clinic screens someone else's text. It asks the safety feature's
/// <see cref="IOthersTextScreen"/>, which reads risk language and also what the words say to their reader
/// ("you should just kill yourself"), which the message screen, reading a writer's own risk, would pass.
/// </summary>
public sealed class ClinicianTextScreen(IOthersTextScreen screen)
{
    /// <summary>The first held verdict among the texts, or <see cref="OthersTextVerdict.Passed"/>; held words are never passed on.</summary>
    public async Task<OthersTextVerdict> CheckAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var verdict = await screen.CheckAsync(text, cancellationToken).ConfigureAwait(false);
            if (verdict.Held)
            {
                return verdict;
            }
        }

        return OthersTextVerdict.Passed;
    }

    /// <summary>True when any of the texts is held.</summary>
    public async Task<bool> HoldsAsync(IEnumerable<string> texts, CancellationToken cancellationToken = default) =>
        (await CheckAsync(texts, cancellationToken).ConfigureAwait(false)).Held;
}
