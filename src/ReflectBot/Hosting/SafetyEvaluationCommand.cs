using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Safety.Model;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>evaluate-safety [content folder] [--verbose] [--dev-only | --tests-only]</c>: every labelled message of the
/// development part and of each test part there (<c>safety/evaluation/test*.tsv</c>), through the
/// bot's real turn pipeline in process (its own temporary data folder): once as the first message of a new
/// conversation, once as the answer to the daily check-in's question. Prints per class recall and the
/// false-alarm rate with 95 % Wilson intervals, each file apart and the current round's test files pooled,
/// then the model layer's cost per message
/// and the time it took to load. <c>--verbose</c> lists the development part's mistakes (never the test part's).
/// <c>--tests-only</c> skips the development part's runs (a new author measured untouched before joining it).
/// </summary>
public static class SafetyEvaluationCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var content = ContentOptions.ResolveFolder(args.FirstOrDefault(a => !a.StartsWith('-')) ?? new ContentOptions().Path);
        var errors = new List<ContentError>();
        var (dev, tests) = SafetyEvaluation.LoadSets(content, errors);
        ContentValidation.Check(content, errors);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        var data = Path.Combine(Path.GetTempPath(), "reflectbot-evaluate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var builder = WebApplication.CreateBuilder([]);
            builder.Configuration["Storage:DataPath"] = data;
            builder.Configuration["Content:Path"] = content;
            builder.Logging.ClearProviders();
            builder.Services.AddReflectBot(builder.Configuration);
            using var host = builder.Build();
            var services = host.Services;
            var model = services.GetRequiredService<SafetyModelHost>();
            await model.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
            var adapter = new EvaluationAdapter(services.GetRequiredService<TurnPipeline>().Middleware);
            var bot = services.GetRequiredService<IBot>();

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Safety screen on {content}: lexicon + model ({(model.IsReady ? "loaded" : "NOT loaded")}); an alarm is a crisis reply or a possible-risk check.")).ConfigureAwait(false);
            foreach (var midJourney in args.Contains("--tests-only") ? [] : new[] { false, true })
            {
                var outcomes = await RunAllAsync(adapter, bot, dev, midJourney, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(EvaluationReport.Format($"dev part, {Setting(midJourney)}", outcomes)).ConfigureAwait(false);
                await output.WriteAsync(EvaluationReport.Routing($"dev part, {Setting(midJourney)}", outcomes)).ConfigureAwait(false);
                if (args.Contains("--verbose"))
                {
                    SafetyEvaluation.WriteMistakes(output, outcomes);
                }
            }

            if (args.Contains("--dev-only") || tests.Count == 0)
            {
                await output.WriteLineAsync(tests.Count == 0 ? "test parts: none present (safety/evaluation/test*.tsv)." : "test parts: not evaluated (--dev-only).").ConfigureAwait(false);
            }
            else
            {
                await output.WriteAsync(await TestPartsAsync(adapter, bot, tests, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            await output.WriteAsync(Cost(services.GetRequiredService<SafetyContent>(), model, dev)).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static string Setting(bool midJourney) => midJourney ? "mid-journey (the answer to a check-in question)" : "first message of a conversation";

    private static async Task<List<EvaluationOutcome>> RunAllAsync(EvaluationAdapter adapter, IBot bot, IEnumerable<LabelledMessage> messages, bool midJourney, CancellationToken cancellationToken)
    {
        var outcomes = new List<EvaluationOutcome>();
        foreach (var message in messages)
        {
            outcomes.Add(await RunAsync(adapter, bot, message, midJourney, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>
    /// Every test file apart, then the files of the current round pooled (those no earlier round used):
    /// figures only. A test part's mistakes are never listed, whatever the flags: reading them would make
    /// it a development part.
    /// </summary>
    public static async Task<string> TestPartsAsync(EvaluationAdapter adapter, IBot bot, IReadOnlyList<TestPart> tests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var report = new System.Text.StringBuilder();
        var current = tests.Where(t => !t.Used).ToList();
        foreach (var midJourney in new[] { false, true })
        {
            var pooled = new List<EvaluationOutcome>();
            foreach (var part in tests)
            {
                var outcomes = await RunAllAsync(adapter, bot, part.Messages, midJourney, cancellationToken).ConfigureAwait(false);
                var history = part.Used ? " (used in an earlier round: history, not pooled)" : string.Empty;
                report.Append(EvaluationReport.Format($"test part {part.Name}{history}, {Setting(midJourney)}", outcomes));
                if (!part.Used)
                {
                    pooled.AddRange(outcomes);
                }
            }

            if (current.Count > 1)
            {
                report.Append(EvaluationReport.Format($"test parts of this round pooled ({string.Join(", ", current.Select(t => t.Name))}), {Setting(midJourney)}", pooled));
            }
        }

        return report.ToString();
    }

    /// <summary>One labelled message through the pipeline: alone in a new conversation, or as the answer to the check-in's "how are you feeling" question.</summary>
    public static async Task<EvaluationOutcome> RunAsync(EvaluationAdapter adapter, IBot bot, LabelledMessage message, bool midJourney, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(message);
        var conversation = $"eval-{(midJourney ? "mid" : "first")}-{message.Id}";
        if (midJourney)
        {
            await adapter.SendAsync(Message(conversation, "check in"), bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            await adapter.SendAsync(Message(conversation, "5"), bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }

        var (result, replies) = await adapter.SendAsync(Message(conversation, message.Text), bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        var read = result ?? ScreenResult.Nothing;

        // An alarm must have reached the person: count it only when the bot said something.
        return new EvaluationOutcome(message, read.IsAlarm && replies.Count == 0 ? ScreenResult.Nothing : read);
    }

    private static Microsoft.Bot.Schema.Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "evaluation",
        ServiceUrl = "evaluation://",
        From = new ChannelAccount(conversation + "-user", "Evaluation"),
        Recipient = new ChannelAccount("reflectbot", "ReflectBot"),
        Conversation = new ConversationAccount(id: conversation),
        Text = text,
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
    };

    /// <summary>The model layer's cost per message with free text (embedding and regression, after the lexicon), and its load time.</summary>
    private static string Cost(SafetyContent content, SafetyModelHost model, List<LabelledMessage> messages)
    {
        if (!model.IsReady)
        {
            return "model layer: not loaded, no cost measured.\n";
        }

        var free = messages.Where(m => FreeText.Has(m.Text)).ToList();
        var readings = free.Select(m => content.Screen.Read(m.Text)).ToList();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < free.Count; i++)
        {
            model.Read(free[i].Text, readings[i]);
        }

        watch.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / free.Count;
        var lexiconWatch = Stopwatch.StartNew();
        foreach (var m in messages)
        {
            content.Screen.Read(m.Text);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"model layer: {free.Count} messages with free text, {watch.Elapsed.TotalMilliseconds / free.Count:F2} ms wall and {cpuMs:F2} ms CPU per message; loaded in {model.LoadTime?.TotalMilliseconds:F0} ms (in the background at start-up).\nlexicon layer: {lexiconWatch.Elapsed.TotalMilliseconds / messages.Count:F3} ms per message.\n");
    }
}
