using System.Text;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>The summary as Markdown notes: the card's lines, headings as headings, answers under bold questions.</summary>
public static class SummaryMarkdown
{
    public static string Render(IReadOnlyList<SummaryLine> lines, string intro)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case SummaryLineKind.Title:
                    text.Append("# ").Append(line.Text).Append("\n\n").Append(intro).Append("\n\n");
                    break;
                case SummaryLineKind.Heading:
                    text.Append("\n## ").Append(line.Text).Append("\n\n");
                    break;
                case SummaryLineKind.Answer:
                    text.Append("**").Append(line.Text).Append("**\n\n").Append(line.Detail).Append("\n\n");
                    break;
                case SummaryLineKind.Chart:
                    // No picture in a text file: the chart's description says what it shows.
                    text.Append('_').Append(line.Text).Append("_\n\n");
                    break;
                default:
                    text.Append(line.Text).Append("\n\n");
                    break;
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
