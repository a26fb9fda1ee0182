using System.Text.RegularExpressions;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// "crisis lines", "what are the numbers", "i need to talk to someone", "who can i call": the lines for the person's
/// region and the emergency number, at any moment, also in the middle of a journey. Asked for after a crisis reply
/// these were read as a journey's answer ("i need to talk to someone" saved as "people").
/// </summary>
public sealed partial class LinesCommand(CrisisResponder responder) : ITurnCommand
{
    public static bool Claims(string text) => Pattern().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Text is null || !Claims(turn.Text))
        {
            return false;
        }

        await responder.LinesAsync(turn, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [GeneratedRegex(
        @"^\s*(ok(ay)?|so|please|um+|and)?[\s,]*(" +
        @"((what|where) (are|r|is) |give me |show me |send me |can i (have|get) |i need |i want )?(the |some |a |any )?(crisis |help ?|support |suicide |emergency |hot ?)(line|lines|number|numbers)|" +
        @"(what|where) (are|r) (the|those) (numbers|lines)|(show|give|send) me (the|those) (numbers|lines)( again)?|" +
        @"(i )?(need|want|have) to (talk|speak) to (someone|somebody|anyone|a (real )?(person|human))|" +
        @"(can i |let me )?(talk|speak) to (a (real )?(person|human)|someone|somebody)|" +
        @"who (can|could|do|should) i (call|ring|text|talk to|speak to)|" +
        @"i need help (now|right now|urgently|asap)" +
        @")( now| right now| please| again| urgently)?\s*[?.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
