using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Cards;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Deployment;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Cards;

/// <summary>
/// Every card the bot can build is accessible (issue 17): Adaptive Cards carry <c>speak</c>, <c>altText</c> on
/// images and <c>label</c> on inputs; every button has a title; Hero cards' text has no Markdown emphasis (Web Chat
/// reads it raw, "star star"). The builders are not listed here: every public static method of the bot's assemblies
/// that returns an attachment or activities is found by reflection and called with sample values, so a card added
/// later is held to the same rule. A builder whose parameter has no sample fails the test until one is added.
/// </summary>
public sealed partial class CardAccessibilityTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(ContentFolders.Shipped);
    private static readonly (SafetyReplies Replies, CrisisResources Resources) Safety = LoadSafety();
    private static readonly Assembly[] BotAssemblies = [typeof(CardRenderer).Assembly, typeof(ChoiceRenderer).Assembly];

    private static readonly string[] Channels = ["webchat", "directline", "msteams", "emulator", "test", "console", "facebook"];

    [Fact]
    public void EveryCardTheBotBuildsHasSpeakAltTextLabelsAndButtonNames()
    {
        var problems = new List<string>();
        var built = Built(problems);

        foreach (var (builder, attachment) in built)
        {
            problems.AddRange(Check(attachment).Select(p => $"{builder}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));

        // The enumeration reaches the cards it must: each shipped psychoeducation card, the Teams card of choices, the crisis card.
        var adaptive = built.Where(b => b.Attachment.ContentType == CardRenderer.AdaptiveContentType).ToList();
        Assert.Contains(adaptive, b => b.Builder.StartsWith("CardRenderer.Adaptive", StringComparison.Ordinal));
        Assert.Contains(adaptive, b => b.Builder.StartsWith("TeamsRendering.ChoicesCard", StringComparison.Ordinal));
        Assert.Contains(built, b => b.Builder.StartsWith("CrisisReply.Card", StringComparison.Ordinal));
        foreach (var card in Library.Cards.All)
        {
            Assert.Contains(adaptive, b => (string?)Content(b.Attachment)["speak"] is { } speak && speak.Contains(card.Title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EverySourceFileThatBuildsAnAdaptiveCardIsReachedByTheCheck()
    {
        // A card built somewhere the reflection above cannot call (an instance method, a private helper with no public
        // static entry) would escape the check: name the file's type among the builders that produced Adaptive Cards.
        var reached = Built([])
            .Where(b => b.Attachment.ContentType == CardRenderer.AdaptiveContentType)
            .Select(b => b.Builder.Split('.')[0])
            .ToHashSet(StringComparer.Ordinal);
        var builders = Directory.EnumerateFiles(RepoPaths.Of("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => AdaptiveCardType().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();

        Assert.NotEmpty(builders);
        Assert.All(builders, name => Assert.True(reached.Contains(name!), $"{name}.cs builds an Adaptive Card that no public static builder returned: give it one (or a sample for its parameters)."));
    }

    [Fact]
    public void TheCrisisCardReadsItsLinesAsPlainTextInEveryRegion()
    {
        foreach (var region in Safety.Resources.Regions.Cast<CrisisRegion?>().Append(null))
        {
            foreach (var risk in Enum.GetValues<RiskClass>())
            {
                var card = (HeroCard)((IMessageActivity)CrisisReply.Card(risk, Safety.Replies, Library.Strings, Safety.Resources, region)).Attachments[0].Content;
                Assert.DoesNotContain("**", card.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("**", card.Title ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ATopicsCardsAreAListOnWebChatAndACarouselInTeams()
    {
        var cards = Library.Cards.Lookup("attachment");
        Assert.NotEmpty(cards);
        Assert.Equal(AttachmentLayoutTypes.List, CardRenderer.List(cards, "intro", Library.Strings, "webchat").AttachmentLayout);
        Assert.Equal(AttachmentLayoutTypes.List, CardRenderer.List(cards, "intro", Library.Strings, "directline").AttachmentLayout);
        Assert.Equal(AttachmentLayoutTypes.Carousel, CardRenderer.List(cards, "intro", Library.Strings, "msteams").AttachmentLayout);
    }

    [Fact]
    public void TheCheckFailsACardWithoutSpeakAnImageWithoutAltTextAndAnInputWithoutALabel()
    {
        var bad = new Attachment
        {
            ContentType = CardRenderer.AdaptiveContentType,
            Content = JObject.Parse("""
                { "type": "AdaptiveCard", "version": "1.5", "body": [
                  { "type": "Image", "url": "https://example.org/a.png" },
                  { "type": "Container", "items": [ { "type": "Input.Text", "id": "feeling" } ] } ],
                  "actions": [ { "type": "Action.Submit", "title": "" } ] }
                """),
        };

        var problems = Check(bad).ToList();

        Assert.Contains(problems, p => p.Contains("speak", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Image", StringComparison.Ordinal) && p.Contains("altText", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Input.Text", StringComparison.Ordinal) && p.Contains("label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Action.Submit", StringComparison.Ordinal) && p.Contains("title", StringComparison.Ordinal));
        Assert.NotEmpty(Check(new HeroCard { Text = "**Samaritans**: 116 123" }.ToAttachment()));
        Assert.NotEmpty(Check(new Attachment("image/png", "data:image/png;base64,AA==", name: "mood.png")));
    }

    /// <summary>What is wrong with one attachment, for a screen reader.</summary>
    private static IEnumerable<string> Check(Attachment attachment)
    {
        if (attachment.ContentType == CardRenderer.AdaptiveContentType)
        {
            var card = Content(attachment);
            if (string.IsNullOrWhiteSpace((string?)card["speak"]))
            {
                yield return "Adaptive Card without speak";
            }

            foreach (var element in card.DescendantsAndSelf().OfType<JObject>())
            {
                var type = (string?)element["type"] ?? string.Empty;
                if (type == "Image" && string.IsNullOrWhiteSpace((string?)element["altText"]))
                {
                    yield return $"Image {element["url"]} without altText";
                }

                if (type.StartsWith("Input.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace((string?)element["label"]))
                {
                    yield return $"{type} '{element["id"]}' without label";
                }

                if (type.StartsWith("Action.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace((string?)element["title"]))
                {
                    yield return $"{type} without title";
                }
            }
        }
        else if (attachment.ContentType is HeroCard.ContentType or ThumbnailCard.ContentType)
        {
            var card = Content(attachment);
            foreach (var field in new[] { "title", "subtitle", "text" })
            {
                if (((string?)card[field])?.Contains("**", StringComparison.Ordinal) == true)
                {
                    yield return $"Hero card {field} with Markdown emphasis, read aloud as asterisks";
                }
            }

            foreach (var button in card["buttons"] ?? new JArray())
            {
                if (string.IsNullOrWhiteSpace((string?)button["title"]))
                {
                    yield return "Hero card button without title";
                }
            }

            foreach (var image in card["images"] ?? new JArray())
            {
                if (string.IsNullOrWhiteSpace((string?)image["alt"]))
                {
                    yield return "Hero card image without alt";
                }
            }
        }
        else if (attachment.ContentType?.StartsWith("image/", StringComparison.Ordinal) == true
            && (string.IsNullOrWhiteSpace(attachment.Name) || FileName().IsMatch(attachment.Name)))
        {
            yield return $"image attachment named '{attachment.Name}': Web Chat reads the name as its alt text";
        }
    }

    private static JObject Content(Attachment attachment) => attachment.Content switch
    {
        JObject json => json,
        string json => JObject.Parse(json),
        var other => JObject.Parse(JsonConvert.SerializeObject(other)),
    };

    /// <summary>Every attachment every public static builder returns, over every combination of sample arguments.</summary>
    private static List<(string Builder, Attachment Attachment)> Built(List<string> problems)
    {
        var built = new List<(string, Attachment)>();
        foreach (var method in Builders())
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            var samples = new List<object?[]>();
            foreach (var parameter in method.GetParameters())
            {
                var values = Samples(parameter);
                if (values is null)
                {
                    problems.Add($"{name}: no sample for parameter {parameter.Name} ({parameter.ParameterType.Name}); add one to CardAccessibilityTests.Samples so its cards are checked");
                    samples.Clear();
                    break;
                }

                samples.Add(values);
            }

            if (samples.Count != method.GetParameters().Length)
            {
                continue;
            }

            foreach (var arguments in Combinations(samples))
            {
                foreach (var attachment in Attachments(method.Invoke(null, arguments)))
                {
                    built.Add(($"{name}({string.Join(", ", arguments.Select(Describe))})", attachment));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return built;
    }

    private static IEnumerable<MethodInfo> Builders() =>
        BotAssemblies.SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName)

            // Parsers (out parameters) read activities, they do not build them.
            .Where(m => m.GetParameters().All(p => !p.ParameterType.IsByRef))
            .Where(m => typeof(Attachment).IsAssignableFrom(m.ReturnType)
                || typeof(IActivity).IsAssignableFrom(m.ReturnType)
                || typeof(IEnumerable<IActivity>).IsAssignableFrom(m.ReturnType)
                || typeof(IEnumerable<Attachment>).IsAssignableFrom(m.ReturnType));

    private static IEnumerable<Attachment> Attachments(object? result) => result switch
    {
        Attachment attachment => [attachment],
        IMessageActivity message => message.Attachments ?? [],
        IEnumerable<IActivity> activities => activities.SelectMany(Attachments),
        IEnumerable<Attachment> attachments => attachments,
        _ => [],
    };

    /// <summary>The sample values of one parameter; null when there are none (the test says so).</summary>
    private static object?[]? Samples(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return parameter.Name switch
            {
                "channelId" => Channels,
                "currentJourneyId" => new object?[] { null, Library.Journeys.All.First().Id },
                _ when parameter.Name?.Contains("Id", StringComparison.Ordinal) == true => ["sample-id"],
                _ => ["How are you feeling today?"],
            };
        }

        var journeys = Library.Journeys.All.ToList();
        var regions = Safety.Resources.Regions.Cast<object?>().Append(null).ToArray();
        var actions = Enumerable.Range(1, 8).Select(i => new CardAction(ActionTypes.ImBack, $"choice {i}", value: $"choice {i}")).ToList();
        var choices = Enumerable.Range(1, 8).Select(i => new Choice($"choice {i}")).ToList();
        object?[]? samples = type switch
        {
            _ when type == typeof(CardDefinition) => [.. Library.Cards.All],
            _ when type == typeof(JourneyDefinition) => [.. journeys, null],
            _ when type == typeof(StringCatalog) => [Library.Strings],
            _ when type == typeof(JourneyCatalog) => [Library.Journeys],
            _ when type == typeof(CardCatalog) => [Library.Cards],
            _ when type == typeof(IReadOnlyList<CardDefinition>) => [Library.Cards.All, Library.Cards.All.Take(1).ToList()],
            _ when type == typeof(IEnumerable<CardAction>) => [actions.Take(2).ToList(), actions.Take(4).ToList(), actions],
            _ when type == typeof(IReadOnlyList<Choice>) => [choices.Take(2).ToList(), choices.Take(4).ToList(), choices],
            _ when type == typeof(IEnumerable<string>) => [new[] { "yes", "no" }],
            _ when type == typeof(SafetyReplies) => [Safety.Replies],
            _ when type == typeof(CrisisResources) => [Safety.Resources],
            _ when type == typeof(CrisisRegion) => regions,
            _ when type == typeof(JournalEntry) => [null],
            _ when type == typeof(IReadOnlyList<JournalEntry>) => [new List<JournalEntry>(), SampleWeek()],
            _ when type == typeof(TimeZoneInfo) => [TimeZoneInfo.Utc],
            _ when type == typeof(DateTimeOffset) => [SampleNow],
            _ when type == typeof(Newtonsoft.Json.Linq.JObject) => SampleSummaryCards(),
            _ when type == typeof(Assignment) => [SampleAssignment(null), SampleAssignment("Try it after our session.")],
            _ when type == typeof(ReflectBot.Clinic.ReflectionTemplate) => [null, SampleTemplate()],
            _ when type == typeof(Activity) || type == typeof(IMessageActivity) || type == typeof(IActivity) => SampleActivities(actions),
            _ when type == typeof(int) => [1, 3],
            _ when type == typeof(bool) => [true, false],
            _ when type.IsEnum => [.. Enum.GetValues(type).Cast<object?>()],
            _ => null,
        };
        return samples;
    }

    /// <summary>Outgoing messages for the builders that reshape them (Teams: many suggested actions, many Hero buttons).</summary>
    private static object?[] SampleActivities(List<CardAction> actions)
    {
        var manySuggested = (Activity)Microsoft.Bot.Builder.MessageFactory.Text("Which of these fits?");
        manySuggested.SuggestedActions = new SuggestedActions { Actions = actions };
        var manyButtons = (Activity)Microsoft.Bot.Builder.MessageFactory.Attachment(new HeroCard { Text = "Pick one.", Buttons = actions }.ToAttachment());
        var text = (Activity)Microsoft.Bot.Builder.MessageFactory.Text(new string('a', 30_000));
        return [manySuggested, manyButtons, text];
    }

    private static readonly DateTimeOffset SampleNow = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    /// <summary>A week with moods, feelings and a card read, for the weekly look back (which draws its chart).</summary>
    private static List<JournalEntry> SampleWeek() =>
        [.. Enumerable.Range(1, 3).Select(day => new JournalEntry
        {
            Id = $"e{day}",
            JourneyId = Library.Journeys.All.First().Id,
            JourneyTitle = Library.Journeys.All.First().Title,
            Answers = new(StringComparer.Ordinal) { ["feelings"] = "tired, hopeful" },
            Mood = 3 + day,
            Cards = [Library.Cards.All.First().Id],
            CreatedUtc = SampleNow.AddDays(-day),
        })];

    /// <summary>The pre-session summary card (the only builder that takes a card's JSON), with and without a chart.</summary>
    private static object?[] SampleSummaryCards()
    {
        var summary = new ReflectBot.Clinic.SessionSummary("Sam", "Dr Rivera", SampleNow.AddDays(-7), SampleNow, SampleNow.AddDays(1), null, null, null, 2, null, []);
        var lines = ReflectBot.Clinic.SummaryLines.Of(summary, TimeZoneInfo.Utc, Library.Strings);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. new[] { png, null }.Select(chart => ReflectBot.Clinic.SummaryCard.Json(summary, lines, chart, Library.Strings, TimeZoneInfo.Utc))];
    }

    private static ReflectBot.Clinic.ReflectionTemplate SampleTemplate() => new()
    {
        Id = "0123456789ab",
        ClinicianId = "webchat/dr-rivera",
        Title = "Between sessions",
        Questions =
        [
            new() { Kind = ReflectBot.Clinic.QuestionKind.Text, Text = "What felt hardest this week?" },
            new() { Kind = ReflectBot.Clinic.QuestionKind.Choice, Text = "Which word fits best?", Choices = ["calm", "tense"] },
        ],
    };

    private static Assignment SampleAssignment(string? note) => new()
    {
        Id = "a1",
        ClientId = "client",
        ClinicianId = "clinician",
        ClinicianName = "Dr Rivera",
        JourneyId = Library.Journeys.All.First().Id,
        Title = "Evening reflection",
        Note = note,
    };

    private static IEnumerable<object?[]> Combinations(List<object?[]> samples)
    {
        IEnumerable<object?[]> all = [[]];
        foreach (var values in samples)
        {
            all = all.SelectMany(prefix => values.Select(v => (object?[])[.. prefix, v]));
        }

        return all;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        CardDefinition card => card.Id,
        JourneyDefinition journey => journey.Id,
        CrisisRegion region => region.Name,
        System.Collections.ICollection list => $"[{list.Count}]",
        _ => value.GetType().Name,
    };

    private static (SafetyReplies, CrisisResources) LoadSafety()
    {
        var errors = new List<ContentError>();
        var (_, resources, replies, _) = SafetyContent.Load(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        return (replies!, resources!);
    }

    // Writing the type builds a card; comparing with it (the terminal's rendering reads cards) does not.
    [GeneratedRegex("(?<!==\\s*)\"AdaptiveCard\"")]
    private static partial Regex AdaptiveCardType();

    [GeneratedRegex(@"^[\w.-]+\.(png|jpe?g|gif|svg|webp)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}
