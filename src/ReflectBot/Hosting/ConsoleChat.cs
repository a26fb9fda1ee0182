using System.Globalization;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>dotnet run --project src/ReflectBot -- chat</c>: the same bot, middleware, dialogs and store as
/// the web host, talked to line by line in a terminal, or driven by piped stdin. Ends at end of input.
/// The person's display name is theirs (<c>--name</c>, else the account's user name), never "You": a clinician's
/// name reaches their clients ("Dr Lee left a note").
/// </summary>
public static class ConsoleChat
{
    public const string ChannelId = "console";

    /// <summary>The folder, under the directory the chat was started in, that an export is saved to.</summary>
    public const string ExportsFolder = "exports";

    /// <param name="exportsFolder">Where files the bot hands over are saved; <see cref="ExportsFolder"/> under the working directory by default.</param>
    public static async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, string userId = "console-user", string? displayName = null, string? exportsFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var files = new ConsoleFiles(exportsFolder ?? Path.Combine(Environment.CurrentDirectory, ExportsFolder));
        var adapter = new ConsoleAdapter(output, services.GetRequiredService<TurnPipeline>(), files, services.GetRequiredService<StringCatalog>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("ReflectBot.Chat"));
        var bot = services.GetRequiredService<IBot>();
        var interactive = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected;
        var user = new ChannelAccount(userId, string.IsNullOrWhiteSpace(displayName) ? Environment.UserName : displayName.Trim());
        var botAccount = new ChannelAccount("reflectbot", "ReflectBot");

        // The conversation id is fixed per user, so a second run continues a journey left half-way.
        var conversation = new ConversationAccount(id: $"console-{userId}");
        var zone = TimeZoneInfo.Local.HasIanaId ? TimeZoneInfo.Local.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(TimeZoneInfo.Local.Id, out var iana) ? iana : "UTC";

        if (interactive)
        {
            await output.WriteLineAsync(services.GetRequiredService<StringCatalog>()[HostingStrings.ConsoleIntro]).ConfigureAwait(false);
        }

        // As Web Chat and Teams do when a conversation opens: the person joins, so someone new reads what this bot is
        // (not a person, not a therapist, not an emergency service) before their first message, whatever it is. The
        // bot welcomes each person once, so a second run shows nothing.
        var joined = Arriving(ActivityTypes.ConversationUpdate);
        joined.MembersAdded = [user];
        await adapter.ProcessActivityAsync(joined, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync("you> ").ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            if (!interactive)
            {
                await output.WriteLineAsync($"you> {line}").ConfigureAwait(false);
            }

            // "answer with the number": a number that picks one of the last reply's buttons sends what the button sends.
            var choice = int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= adapter.Choices.Count
                ? adapter.Choices[number - 1]
                : null;
            var activity = Arriving(ActivityTypes.Message);
            activity.Text = choice is null ? line : choice.Text;
            activity.Value = choice?.Value;
            await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        }

        return 0;

        // What the terminal sends, as a channel would: from this person, in this conversation, in their zone, now.
        Activity Arriving(string type) => new(type)
        {
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = ChannelId,
            ServiceUrl = "console://",
            From = user,
            Recipient = botAccount,
            Conversation = conversation,
            Locale = "en-US",
            LocalTimezone = zone,
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
        };
    }
}
