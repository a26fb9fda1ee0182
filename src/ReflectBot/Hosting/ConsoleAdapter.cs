using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;

namespace ReflectBot.Hosting;

/// <summary>
/// A Bot Framework adapter for the terminal: runs the same middleware and bot as the web host, and prints
/// replies as text (suggested actions and card buttons become a numbered list you can answer with the number).
/// </summary>
public sealed class ConsoleAdapter : BotAdapter
{
    private readonly TextWriter _output;
    private readonly ConsoleFiles _files;
    private readonly StringCatalog _strings;
    private readonly ILogger _logger;
    private readonly List<ConsoleChoice> _choices = [];

    public ConsoleAdapter(TextWriter output, TurnPipeline pipeline, ConsoleFiles files, StringCatalog strings, ILogger logger)
    {
        _output = output;
        _files = files;
        _strings = strings;
        _logger = logger;
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var item in pipeline.Middleware)
        {
            Use(item);
        }

        OnTurnError = (turnContext, exception) => pipeline.Errors.HandleAsync(turnContext, exception, logger);
    }

    /// <summary>
    /// The numbered buttons of the last reply that had any, in the turn just answered: what a typed number picks.
    /// Empty when that turn's replies had none, so a number answers the question as typed.
    /// </summary>
    public IReadOnlyList<ConsoleChoice> Choices => _choices;

    public async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        _choices.Clear();
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Message)
            {
                var choices = new List<ConsoleChoice>();
                var files = await SaveFilesAsync(activity, cancellationToken).ConfigureAwait(false);
                await _output.WriteLineAsync(ConsoleRendering.Render(activity, choices, files)).ConfigureAwait(false);
                if (choices.Count > 0)
                {
                    _choices.Clear();
                    _choices.AddRange(choices);
                }
            }
            else if (activity.Type == ActivityTypes.Delay && activity.Value is int delay)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            responses[i] = new ResourceResponse(activity.Id ?? Guid.NewGuid().ToString("N"));
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return responses;
    }

    /// <summary>
    /// A file the bot hands over (the journal export) has nowhere to go in a terminal but the disk: it is saved in
    /// <see cref="ConsoleFiles.Folder"/> and the reply shows where. Printing only its name once left people looking
    /// for a file that was never written.
    /// </summary>
    private async Task<Dictionary<Attachment, string>> SaveFilesAsync(Activity activity, CancellationToken cancellationToken)
    {
        var shown = new Dictionary<Attachment, string>(ReferenceEqualityComparer.Instance);
        foreach (var attachment in (activity.Attachments ?? []).Where(ConsoleFiles.IsFile))
        {
            try
            {
                var path = await _files.SaveAsync(attachment, cancellationToken).ConfigureAwait(false);
                shown[attachment] = _strings.Text(HostingStrings.ConsoleFileSaved, ("path", path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                HostLog.ConsoleFileNotSaved(_logger, ex.GetType().Name);
                shown[attachment] = _strings.Text(HostingStrings.ConsoleFileNotSaved, ("name", attachment.Name ?? string.Empty), ("folder", _files.Folder));
            }
        }

        return shown;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => Task.FromResult(new ResourceResponse(activity?.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
