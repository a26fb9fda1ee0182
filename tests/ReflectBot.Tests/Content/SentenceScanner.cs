using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReflectBot.Tests.Content;

/// <summary>
/// Finds string literals in C# source that read as a sentence to a person: two or more words of letters with a
/// space between, that are not a format, a regular expression, a path or an id. Roslyn's parser reads the source,
/// so verbatim, interpolated and raw strings are literals like any other and comments are not.
/// Not counted: what only an operator or a developer reads (arguments of attributes such as [LoggerMessage],
/// exceptions being built or thrown, a content file's problems (new ContentError(…) and the loaders' Error(…) helpers, read by
/// whoever edits dialogs/), files that write to a console or a TextWriter: the operator's command line),
/// and the routing table's command phrases (TurnRoute.… arguments), which are what users type, not what the bot says.
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
        if (IsOperatorCommandLine(root))
        {
            yield break;
        }

        foreach (var node in root.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{x}")),
                _ => null,
            };
            if (text is not null && !InsideInterpolation(node) && ReadsAsASentence(text) && !Excluded(node))
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

    private static bool Excluded(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeSyntax:
                case ThrowStatementSyntax:
                case ThrowExpressionSyntax:
                case BaseObjectCreationExpressionSyntax creation when creation is ObjectCreationExpressionSyntax { Type: var type } && (type.ToString().EndsWith("Exception", StringComparison.Ordinal) || type.ToString() == "ContentError"):
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Error" or "error" } }:
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "TurnRoute" } } }:
                    return true;
            }
        }

        return false;
    }

    // A literal inside an interpolation hole is counted with the string around it.
    private static bool InsideInterpolation(SyntaxNode node) => node.Ancestors().Any(a => a is InterpolationSyntax);

    private static bool IsOperatorCommandLine(SyntaxNode root)
        => root.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.Text is "TextWriter" or "Console");

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{L}[\p{L}'’,.!?]*\s+[\p{L}'’]+")]
    private static partial Regex TwoWords();

    // Regular expressions, paths and URLs, key=value and SQL-ish or member-path text.
    [GeneratedRegex(@"\\[bdswpBDSWP]|\(\?|\[\^|^[/~]|://|^[\w.-]+/[\w./{}-]*$|^\s*[\w-]+=|^[a-z]+(\.[A-Za-z]+)+$")]
    private static partial Regex CodeLike();
}
