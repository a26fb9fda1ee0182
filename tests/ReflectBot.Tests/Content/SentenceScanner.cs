using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReflectBot.Tests.Content;

/// <summary>
/// Finds string literals in C# source that read as a sentence to a person: two or more words of letters with a
/// space between, that are not a format, a regular expression, a path, an id or markup. Roslyn's parser reads the
/// source, so verbatim, interpolated and raw strings are literals like any other and comments are not.
/// Not counted, by what the text is for (each a rule, so a new case needs no allow-list entry):
/// <list type="bullet">
/// <item>what a developer or operator reads: attribute arguments ([LoggerMessage]), exceptions built or thrown
/// (and an exception's own base-constructor message), the reasons passed to a feature's log (<c>*Log.Method(…)</c>),
/// options validation failures (<c>.Validate(…, "…")</c>, types that implement IValidateOptions, options'
/// <c>Problems()</c>), descriptions of malformed input (a method named <c>*Problem*</c>, a value put in
/// <c>problem</c>), reports of operator commands (types named <c>*Report</c> or <c>*Tally</c>, calls on a
/// <c>report</c>), the <c>error</c> of an admin API's JSON error body, and what a command-line command writes to the
/// terminal (<c>Write…</c> on a TextWriter or Console), except in the terminal chat, whose lines a person reads;</item>
/// <item>what whoever edits dialogs/ reads: a content file's problems (types that build <c>ContentError</c>s or read
/// YAML with <c>YamlReader</c>, and the <c>Error(…)</c> helpers);</item>
/// <item>what a client program reads: Direct Line and HTTP protocol error bodies (<c>DirectLineJson.Error(…)</c>,
/// <c>RefuseAsync(…)</c>);</item>
/// <item>what the user types, not what the bot says: the routing table's phrases (<c>TurnRoute.…</c>), the phrases
/// an answer is compared with (<c>is "no" or "none"</c>, <c>case "…"</c>), and the commands buttons send
/// (<c>value:</c> of a card action, <c>Suggestions.Of([…])</c>);</item>
/// <item>markup and formats: HTML, Content-Security-Policy directives, date and time format patterns.</item>
/// </list>
/// </summary>
public static partial class SentenceScanner
{
    public sealed record Finding(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: \"{Text}\"";
    }

    public static IEnumerable<Finding> Scan(string file, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var terminal = TerminalWriters(root);

        foreach (var node in root.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{x}")),
                _ => null,
            };
            if (text is not null && !InsideInterpolation(node) && ReadsAsASentence(text) && !Excluded(node, terminal))
            {
                yield return new Finding(file, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text);
            }
        }
    }

    /// <summary>Two words of letters with a space between, and not code-like text.</summary>
    public static bool ReadsAsASentence(string text)
    {
        var words = Words().Count(text);
        return words >= 2 && TwoWords().IsMatch(text) && !CodeLike().IsMatch(text);
    }

    private static bool Excluded(SyntaxNode node, IReadOnlySet<string> terminal)
    {
        if (node.Parent is ArgumentSyntax { NameColon.Name.Identifier.Text: "value" })
        {
            return true;
        }

        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeSyntax:
                case ThrowStatementSyntax:
                case ThrowExpressionSyntax:
                case ConstantPatternSyntax:
                case CaseSwitchLabelSyntax:
                case BaseObjectCreationExpressionSyntax creation when creation is ObjectCreationExpressionSyntax { Type: var type } && (type.ToString().EndsWith("Exception", StringComparison.Ordinal) || type.ToString() == "ContentError"):
                case ConstructorInitializerSyntax when ancestor.Parent?.Parent is ClassDeclarationSyntax { Identifier.Text: var exception } && exception.EndsWith("Exception", StringComparison.Ordinal):
                case InvocationExpressionSyntax invocation when ExcludedCall(invocation, terminal):
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.Text: "problem" } }:
                case VariableDeclaratorSyntax { Identifier.Text: "problem" }:
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals.Name.Identifier.Text: "error" }:
                case CollectionExpressionSyntax when ancestor.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Suggestions" }, Name.Identifier.Text: "Of" } } }:
                case MethodDeclarationSyntax { Identifier.Text: var method } when method.Contains("Problem", StringComparison.Ordinal):
                case TypeDeclarationSyntax { Identifier.Text: var name } when name.EndsWith("Report", StringComparison.Ordinal) || name.EndsWith("Tally", StringComparison.Ordinal) || ValidatesOptions(ancestor) || BuildsContentErrors(ancestor):
                    return true;
            }
        }

        return false;
    }

    private static bool ExcludedCall(InvocationExpressionSyntax invocation, IReadOnlySet<string> terminal)
    {
        var (receiver, name) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => (member.Expression.ToString(), member.Name.Identifier.Text),
            IdentifierNameSyntax identifier => (string.Empty, identifier.Identifier.Text),
            _ => (string.Empty, string.Empty),
        };
        return name is "Error" or "error" or "RefuseAsync"
            || receiver == "TurnRoute"
            || (receiver.EndsWith("Log", StringComparison.Ordinal) && receiver.Length > 3)
            || (receiver.Length > 0 && name == "Validate")
            || receiver.EndsWith("report", StringComparison.OrdinalIgnoreCase)
            || (terminal.Contains(receiver) && name.StartsWith("Write", StringComparison.Ordinal));
    }

    // A literal inside an interpolation hole is counted with the string around it.
    private static bool InsideInterpolation(SyntaxNode node) => node.Ancestors().Any(a => a is InterpolationSyntax);

    /// <summary>
    /// What a command-line command writes to: Console and the file's TextWriters. None in the terminal chat, which
    /// runs turns through an adapter: what it writes is the bot talking to a person.
    /// </summary>
    private static HashSet<string> TerminalWriters(SyntaxNode root)
    {
        var identifiers = root.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        if (identifiers.Contains("BotAdapter") || identifiers.Contains("ConsoleAdapter"))
        {
            return [];
        }

        var parameters = root.DescendantNodes().OfType<ParameterSyntax>().Where(p => IsTextWriter(p.Type)).Select(p => p.Identifier.Text);
        var variables = root.DescendantNodes().OfType<VariableDeclarationSyntax>().Where(v => IsTextWriter(v.Type)).SelectMany(v => v.Variables.Select(x => x.Identifier.Text));
        return [.. parameters, .. variables, "Console", "Console.Out", "Console.Error"];
    }

    private static bool IsTextWriter(TypeSyntax? type) => type?.ToString().TrimEnd('?') is "TextWriter" or "StringWriter";

    private static bool ValidatesOptions(SyntaxNode type)
        => type is TypeDeclarationSyntax { BaseList: { } bases } && bases.Types.Any(t => t.ToString().StartsWith("IValidateOptions", StringComparison.Ordinal));

    // Loaders and the schema's wording: what they say is a content file's problem, for whoever edits dialogs/.
    private static bool BuildsContentErrors(SyntaxNode type)
        => type.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.Text is "ContentError" or "YamlReader");

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{L}[\p{L}'’,.!?]*\s+[\p{L}'’]+")]
    private static partial Regex TwoWords();

    // Regular expressions, paths and URLs, key=value and SQL-ish or member-path text, HTML, Content-Security-Policy
    // directives ("default-src 'self'"), date and time format patterns ("ddd d MMM HH:mm").
    [GeneratedRegex(@"\\[bdswpBDSWP]|\(\?|\[\^|^[/~]|://|^[\w.-]+/[\w./{}-]*$|^\s*[\w-]+=|^[a-z]+(\.[A-Za-z]+)+$|^\s*<[!/a-zA-Z]|^[a-z]+(-[a-z]+)+ '(self|none)'|^(?:d{1,4}|M{1,4}|y{2,4}|H{1,2}|h{1,2}|m{2}|s{2}|t{1,2}|[ ,:./-])+$")]
    private static partial Regex CodeLike();
}
