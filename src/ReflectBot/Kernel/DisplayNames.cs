using System.Globalization;
using System.Text;

namespace ReflectBot.Kernel;

/// <summary>
/// A person's display name as the bot keeps and shows it to someone else (a client's name to their clinician,
/// a clinician's to their client). On web chat the page chooses it, so it is taken as plain words only: letters,
/// digits, spaces, apostrophes and hyphens. Nothing that Markdown, HTML or a link finder acts on survives
/// ('*', '_', '[', '(', '&lt;', '`', '#', '|', ':', '/', '.'), so a name can never become a link, emphasis or
/// markup in a clinician's chat.
/// </summary>
public static class DisplayNames
{
    public const int MaxLength = 64;

    public static string Clean(string? name, string fallback)
    {
        var kept = new StringBuilder();
        var space = false;
        foreach (var rune in (name ?? string.Empty).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var word = Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || rune.Value is '\'' or '\u2019' or '-';
            if (word)
            {
                if (space && kept.Length > 0)
                {
                    kept.Append(' ');
                }

                kept.Append(rune.ToString());
                space = false;
            }
            else
            {
                space = true;
            }

            if (kept.Length >= MaxLength)
            {
                break;
            }
        }

        // A leading hyphen would start a Markdown list item where a name begins a line.
        var cleaned = kept.ToString().TrimStart('-', '\'', '\u2019').Trim();
        return cleaned.Length == 0 ? fallback : cleaned[..Math.Min(cleaned.Length, MaxLength)];
    }
}
