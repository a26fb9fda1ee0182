using ReflectBot.Journeys;

namespace ReflectBot.Safety.Evaluation;

/// <summary>The command line of <c>evaluate-safety</c>.</summary>
public static class SafetyEvaluationCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var content = Hosting.ContentValidation.ResolveFolder(args.FirstOrDefault(a => !a.StartsWith('-')) ?? new ContentOptions().Path);
        var errors = new List<ContentError>();
        var (dev, test) = SafetyEvaluation.LoadSets(content, errors);
        var lexicon = SafetyContentLoader.LoadLexicon(content, errors);
        if (errors.Count > 0 || lexicon is null)
        {
            foreach (var e in errors)
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        var screen = new SafetyScreen(new RiskScreen(lexicon));
        var outcomes = SafetyEvaluation.ScreenAll(screen, dev);
        await output.WriteAsync(EvaluationReport.Format("dev, lexicon, direct", outcomes)).ConfigureAwait(false);
        if (args.Contains("--verbose"))
        {
            SafetyEvaluation.WriteMistakes(output, outcomes);
        }

        return 0;
    }
}
