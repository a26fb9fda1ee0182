using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Content;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>What a user in crisis gets, whatever else is going on, over the real host's /api/messages.</summary>
public sealed class CrisisReplyTests : IDisposable
{
    private readonly BotHost _host = new(null, ("Safety:OperatorKey", "operator-test-key"));

    public void Dispose() => _host.Dispose();

    private SafetyReplies Replies => _host.Services.GetRequiredService<SafetyContent>().Replies;

    [Fact]
    public async Task TheFirstMessageGetsEmpathyTheCardSomeoneToTellWhoIsNotifiedAndAreYouSafe()
    {
        var replies = await _host.Client().SayAsync("I want to die");
        var text = BotClient.Read(replies);
        Assert.Contains("glad you told me", text, StringComparison.Ordinal);
        Assert.True(Conversations.HasCrisisCard(replies));
        Assert.Contains("not an emergency service", text, StringComparison.Ordinal);
        Assert.Contains("your own therapist", text, StringComparison.Ordinal);
        Assert.Contains(Replies.NotifiedNobody, text, StringComparison.Ordinal);

        // Region unknown (no time zone, nothing said): the international directory, and a way to say where.
        Assert.Contains("findahelpline.com", text, StringComparison.Ordinal);
        Assert.Contains("region UK", text, StringComparison.Ordinal);

        // The last word is the question, with its two answers as buttons.
        Assert.Contains(Replies.CheckQuestion, BotClient.ReadOne(replies[^1]), StringComparison.Ordinal);
        Assert.Equal([Replies.SafeButton, Replies.UnsafeButton], replies[^1].SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task NotSafeGetsTheEmergencyNumberFirstThenTheShortestGroundingAndTheLines()
    {
        var bot = _host.Client();
        bot.TimeZone = "America/Chicago";
        await bot.SayAsync("I want to die");
        var replies = await bot.SayAsync(Replies.UnsafeButton);
        Assert.Contains("911", BotClient.ReadOne(replies[0]), StringComparison.Ordinal);
        Assert.Contains("breathe in slowly for 4", BotClient.ReadOne(replies[1]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("988", BotClient.Read(replies), StringComparison.Ordinal);
        Assert.False(Conversations.HasCrisisCard(replies));
    }

    [Fact]
    public async Task ATypedNoRightAfterTheQuestionIsTheSameAnswerAndALaterNoIsNot()
    {
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("I keep thinking about killing myself");
        Assert.Contains("999", BotClient.ReadOne((await bot.SayAsync("no"))[0]), StringComparison.Ordinal);

        // The question was answered: a "no" now is not that answer again (the emergency block), but a message
        // nothing else takes soon after a crisis reply, met with the steady reply.
        var later = await bot.SayAsync("no");
        Assert.DoesNotContain(later, reply => BotClient.ReadOne(reply).StartsWith("Please call", StringComparison.Ordinal));
        Assert.StartsWith("I'm still here with you.", BotClient.ReadOne(Assert.Single(later)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAnHourOfACrisisReplyAMessageNothingElseTakesGetsTheWayToHelpAgainNotTheMenu()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var host = new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        var bot = host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("I keep thinking about killing myself");
        await bot.SayAsync("I'm not safe");

        time.Advance(TimeSpan.FromMinutes(50));
        var steady = await bot.SayAsync("ok");
        var text = BotClient.ReadOne(Assert.Single(steady));
        Assert.Contains("999", text, StringComparison.Ordinal);
        Assert.Contains("Samaritans", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.NotSure), text, StringComparison.Ordinal);
        Assert.Equal(["self soothe", "safety plan", "menu"], steady[0].SuggestedActions.Actions.Select(a => a.Value?.ToString()));

        // Its buttons are commands that work: "self soothe" starts the practice.
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.NotSure), BotClient.Read(await bot.SayAsync("self soothe")), StringComparison.Ordinal);
        await bot.SayAsync("cancel");

        // Past the hour, the usual answer to words the bot does not know.
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Contains(ContentFolders.Say(ConversationStrings.NotSure), BotClient.Read(await bot.SayAsync("ok")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterACrisisReplyMidJourneyWhatIsWrittenIsAnsweredForWhatItIsAndTheJourneyWaitsForBack()
    {
        // A usability test: after a crisis reply in the middle of a reflection, "region uk" got "if things ever get
        // really hard I'll show you the lines", "so what are the numbers" and "crisis lines" got the journey's
        // "please pick one of these", and "i need to talk to someone" was saved as the answer "people".
        var bot = _host.Client();
        await bot.SayAsync("check in");
        var feeling = BotClient.Read(await bot.SayAsync("6"));
        Assert.True(Conversations.HasCrisisCard(await bot.SayAsync("I want to kill myself")));

        var region = BotClient.Read(await bot.SayAsync("region uk"));
        Assert.Contains("116 123", region, StringComparison.Ordinal);
        Assert.Contains(Replies.LinesNow.Replace("{emergency}", "999", StringComparison.Ordinal), region, StringComparison.Ordinal);
        foreach (var asking in new[] { "so what are the numbers", "crisis lines", "i need to talk to someone" })
        {
            var lines = await bot.SayAsync(asking);
            Assert.True(Conversations.HasCrisisCard(lines), asking);
            Assert.Contains("Samaritans", BotClient.Read(lines), StringComparison.Ordinal);
        }

        // What is no command does not become the journey's answer: the first time the steady reply says the
        // reflection is paused, later only that, each with "back" as a button.
        var first = Assert.Single(await bot.SayAsync("ok"));
        Assert.Contains(Replies.Held, BotClient.ReadOne(first), StringComparison.Ordinal);
        Assert.Contains("999", BotClient.ReadOne(first), StringComparison.Ordinal);
        Assert.Equal(["back", "safety plan", "menu"], first.SuggestedActions.Actions.Select(a => a.Value?.ToString()));
        var again = BotClient.ReadOne(Assert.Single(await bot.SayAsync("tired and flat")));
        Assert.StartsWith(Replies.HeldAgain[..Replies.HeldAgain.IndexOf('{', StringComparison.Ordinal)], again, StringComparison.Ordinal);
        Assert.Contains("116 123", again, StringComparison.Ordinal);

        // "back" asks the question that was open, and from then on the journey takes the answers again.
        Assert.Equal(feeling, BotClient.Read(await bot.SayAsync("back")));
        Assert.DoesNotContain(Replies.HeldAgain[..20], BotClient.Read(await bot.SayAsync("tired")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASafeAnswerInsideALongerMessageAnswersTheQuestionAndSayingTheBotReadItWrongGetsAnApology()
    {
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("I want to kill myself");
        var misread = BotClient.Read(await bot.SayAsync("omg stop. i am SAFE. i was just venting"));
        Assert.Contains(Replies.Misread, misread, StringComparison.Ordinal);
        Assert.Contains("Samaritans", misread, StringComparison.Ordinal);
        Assert.DoesNotContain(Replies.SafeFirst, misread, StringComparison.Ordinal);

        await bot.SayAsync("I want to kill myself");
        Assert.Contains(Replies.SafeFirst, BotClient.Read(await bot.SayAsync("im safe, my sister is here with me now")), StringComparison.Ordinal);

        // A not-safe clause wins over a safe one.
        await bot.SayAsync("I want to kill myself");
        Assert.StartsWith("Please call 999", BotClient.ReadOne((await bot.SayAsync("im ok. im not safe"))[0]), StringComparison.Ordinal);

        // From six words the model reads an answer too, and at round thirteen's possible threshold (0.68) it takes this
        // one for possible risk: its not-safe clause still wins over the gentle check, and the emergency number comes first.
        await bot.SayAsync("I want to kill myself");
        Assert.StartsWith("Please call 999", BotClient.ReadOne((await bot.SayAsync("im ok. no actually, im not safe"))[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForTheNumbersLeavesAreYouSafeOpenSoTheNextMessageStillAnswersIt()
    {
        // Seen by hand: after "what are the numbers", "omg stop. im safe, i was just venting" got the held reply,
        // because only the message right after the question could answer it.
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("check in");
        await bot.SayAsync("6");
        Assert.True(Conversations.HasCrisisCard(await bot.SayAsync("I want to kill myself")));
        Assert.Contains("Samaritans", BotClient.Read(await bot.SayAsync("what are the numbers")), StringComparison.Ordinal);
        Assert.Contains("116 123", BotClient.Read(await bot.SayAsync("region uk")), StringComparison.Ordinal);
        var misread = BotClient.Read(await bot.SayAsync("omg stop. im safe, i was just venting"));
        Assert.Contains(Replies.Misread, misread, StringComparison.Ordinal);

        // Anything else still closes the question: a later "yes" is not taken for it.
        await bot.SayAsync("I want to kill myself");
        await bot.SayAsync("ok");
        Assert.DoesNotContain(Replies.SafeFirst, BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNothingInProgressTheSteadyReplyComesOnceAndThenTheBotAnswersAsUsual()
    {
        // It used to answer everything for an hour ("can i export this", "ok thanks, bye") with the same block.
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("I keep thinking about killing myself");
        await bot.SayAsync(Replies.UnsafeButton);
        Assert.StartsWith("I'm still here with you.", BotClient.Read(await bot.SayAsync("ok")), StringComparison.Ordinal);
        Assert.DoesNotContain("I'm still here with you.", BotClient.Read(await bot.SayAsync("ok")), StringComparison.Ordinal);

        // Away from a crisis reply, naming the region only says where the lines will come from.
        var calm = _host.Client("user-2", "conv-2");
        Assert.False(Conversations.HasCrisisCard(await calm.SayAsync("region uk")));
    }

    [Theory]
    [InlineData("crisis lines", true)]
    [InlineData("so what are the numbers", true)]
    [InlineData("what are the numbers?", true)]
    [InlineData("i need to talk to someone", true)]
    [InlineData("I need to talk to someone right now", true)]
    [InlineData("who can i call", true)]
    [InlineData("helpline please", true)]
    [InlineData("can i talk to a real person", true)]
    [InlineData("i need to talk to someone about my mum", false)]
    [InlineData("I forgot my lines in the play", false)]
    [InlineData("numbers", false)]
    [InlineData("people", false)]
    [InlineData("i need help with the bot", false)]
    public void WhatAsksForTheLines(string text, bool asks) => Assert.Equal(asks, LinesCommand.Claims(text));

    [Fact]
    public async Task APastExperienceAloneDoesNotKeepTheBotInItsSteadyReply()
    {
        var bot = _host.Client();
        await bot.SayAsync("When I was 12 my dad used to hit me when he drank.");
        Assert.Contains(ContentFolders.Say(ConversationStrings.NotSure), BotClient.Read(await bot.SayAsync("ok")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SafeGetsTheSafetyPlanAndTheLinesAndBackResumesTheJourney()
    {
        var bot = _host.Client();
        bot.TimeZone = "Australia/Sydney";
        await bot.SayAsync("write my safety plan");
        foreach (var answer in new[] { "not sleeping, pulling away", "a long shower", "my cousin Ana", "call Ana", "Dr Lee", "give my pills to Ana", "my dog Pepper" })
        {
            await bot.SayAsync(answer);
        }

        Assert.Contains("safety plan is saved", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);
        await bot.SayAsync("check in");
        await bot.SayAsync("2");
        Assert.True(Conversations.HasCrisisCard(await bot.SayAsync("I can't go on")));
        var safe = BotClient.Read(await bot.SayAsync("yes"));
        Assert.Contains("my dog Pepper", safe, StringComparison.Ordinal);
        Assert.Contains("13 11 14", safe, StringComparison.Ordinal);
        Assert.Contains("paused, not lost", safe, StringComparison.Ordinal);

        // The message was not taken as the answer: "back" asks the same question again.
        Assert.Contains("feeling", BotClient.Read(await bot.SayAsync("back")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnAttemptInProgressPutsTheEmergencyNumberFirst()
    {
        var bot = _host.Client();
        bot.TimeZone = "Europe/Dublin";
        var replies = await bot.SayAsync("I've just taken all my pills");
        Assert.Contains("112 or 999", BotClient.ReadOne(replies[0]), StringComparison.Ordinal);
        Assert.Contains("50808", BotClient.Read(replies), StringComparison.Ordinal);
        Assert.True(Conversations.HasCrisisCard(replies));
    }

    [Fact]
    public async Task ARepeatedRiskMessageGetsAShortReplyThatVaries()
    {
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        var first = await bot.SayAsync("I want to die");
        var second = await bot.SayAsync("I really want to die");
        var third = await bot.SayAsync("I just want it all to end forever");
        Assert.True(Conversations.HasCrisisCard(first));
        foreach (var again in new[] { second, third })
        {
            Assert.False(Conversations.HasCrisisCard(again));
            Assert.Equal(2, again.Count);
            Assert.Contains("Samaritans (116 123)", BotClient.ReadOne(again[0]), StringComparison.Ordinal);
            Assert.Contains(Replies.CheckQuestion, BotClient.ReadOne(again[1]), StringComparison.Ordinal);
        }

        Assert.NotEqual(BotClient.ReadOne(second[0]), BotClient.ReadOne(third[0]));
        Assert.True(BotClient.Read(second).Length < BotClient.Read(first).Length / 2);
    }

    [Fact]
    public async Task APastExperienceGetsAnAcknowledgementAndTheJourneyCarriesOnWithItAsTheAnswer()
    {
        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("check in");
        await bot.SayAsync("4");
        var replies = await bot.SayAsync("When I was little my dad used to hit me when he drank.");
        var text = BotClient.Read(replies);
        Assert.Contains("not your fault", text, StringComparison.Ordinal);
        Assert.Contains("Samaritans", text, StringComparison.Ordinal);
        Assert.False(Conversations.HasCrisisCard(replies));
        Assert.DoesNotContain(Replies.CheckQuestion, text, StringComparison.Ordinal);

        // The journey went on to its next question; the message is the answer it keeps.
        await bot.SayAsync("a quiet evening");
        await bot.SayAsync("yes");
        var entry = Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Contains("used to hit me", entry.Answers["feelings"], StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_host.DataPath, "safety"), "*.item", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PossibleRiskGetsAGentleCheckNamingTheLinesAndTheJourneyCarriesOn()
    {
        // A development message the model reads as possible risk (which one depends on the trained weights).
        var screen = _host.Services.GetRequiredService<SafetyScreen>();
        await screen.Model!.WaitReadyAsync();
        var errors = new List<ReflectBot.Content.ContentError>();
        var possible = ReflectBot.Safety.Evaluation.SafetyEvaluation.LoadSets(ReflectBot.Tests.Journeys.ContentFolders.Shipped, errors).Dev
            .Select(m => m.Text).First(t => screen.Screen(t).Level == RiskLevel.Possible);

        var bot = _host.Client();
        bot.TimeZone = "Europe/London";
        await bot.SayAsync("check in");
        await bot.SayAsync("4");
        var replies = await bot.SayAsync(possible);
        var text = BotClient.Read(replies);
        Assert.Contains("That sounds heavy", text, StringComparison.Ordinal);
        Assert.Contains("Samaritans (116 123)", text, StringComparison.Ordinal);
        Assert.False(Conversations.HasCrisisCard(replies));
        Assert.Contains(Replies.UnsafeButton, replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title));

        // The journey took the message as its answer and asked its next question.
        Assert.Contains("?", BotClient.ReadOne(replies[^1]), StringComparison.Ordinal);
        Assert.DoesNotContain("That sounds heavy", BotClient.ReadOne(replies[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASafetyPlanAnswerIsSavedAsPartOfThePlanWithAGentleCheckInsteadOfAnInterruption()
    {
        var bot = _host.Client();
        await bot.SayAsync("write my safety plan");
        var replies = await bot.SayAsync("when I start thinking everyone would be better off without me, that I'm a burden");
        var text = BotClient.Read(replies);
        Assert.Contains(Replies.PlanCheck[..30], text, StringComparison.Ordinal);
        Assert.False(Conversations.HasCrisisCard(replies));

        // No reading in the middle of a plan: "burden" used to bring up the card on the fear of guilt.
        Assert.DoesNotContain(replies, r => r.Attachments is { Count: > 0 });
        Assert.Contains("take your mind off things", text, StringComparison.Ordinal);
        foreach (var answer in new[] { "a long shower", "my cousin Ana", "call Ana", "Dr Lee", "give my pills to Ana", "my dog Pepper" })
        {
            await bot.SayAsync(answer);
        }

        await bot.SayAsync("yes");
        Assert.Contains("better off without me", BotClient.Read(await bot.SayAsync("safety plan")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithJournalConsentTheMessageIsKeptAsASafetyMomentTheUserCanDelete()
    {
        var bot = _host.Client();
        await bot.CheckInAsync(6, "fine", "work");
        var replies = await bot.SayAsync("I want to kill myself");
        Assert.Contains("safety moment", BotClient.Read(replies), StringComparison.Ordinal);

        var journal = _host.Services.GetRequiredService<IJournalStore>();
        var moment = Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "user-1")), e => e.JourneyId == CrisisResponder.MomentJourneyId);
        Assert.Equal("I want to kill myself", moment.Answers["message"]);
        Assert.Contains("Safety moment", BotClient.Read(await bot.SayAsync("my journal")), StringComparison.Ordinal);
        Assert.Contains("Delete entry 1, \"Safety moment\"", BotClient.Read(await bot.SayAsync("delete entry 1")), StringComparison.Ordinal);
        Assert.Contains("Deleted entry 1", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);
        Assert.DoesNotContain(await journal.ListAsync(UserKeys.From("webchat", "user-1")), e => e.JourneyId == CrisisResponder.MomentJourneyId);
    }

    [Fact]
    public async Task WithoutJournalConsentNothingOfTheMessageIsKept()
    {
        var bot = _host.Client();
        await bot.CheckInAsync(6, "fine", "work", save: "no");
        Assert.DoesNotContain("safety moment", BotClient.Read(await bot.SayAsync("I want to kill myself")), StringComparison.Ordinal);
        Assert.Empty(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Theory]
    [InlineData("America/Chicago", "988")]
    [InlineData("Europe/London", "116 123")]
    [InlineData("Europe/Dublin", "50808")]
    [InlineData("America/Toronto", "988")]
    [InlineData("Australia/Sydney", "13 11 14")]
    [InlineData("Pacific/Auckland", "1737")]
    public async Task TheUsersTimeZoneFromTheChannelPicksTheRegionsLines(string zone, string number)
    {
        var bot = _host.Client();
        bot.TimeZone = zone;
        var text = BotClient.Read(await bot.SayAsync("I keep thinking about killing myself"));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.DoesNotContain("findahelpline", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbuseShowsTheDomesticAbuseLineAndTheRegionTheUserNamedBeatsTheTimeZone()
    {
        var bot = _host.Client();
        bot.TimeZone = "America/New_York";
        await bot.SayAsync("my region is the UK");
        var text = BotClient.Read(await bot.SayAsync("my husband checks my phone every night and takes all my money"));
        Assert.Contains("0808 2000 247", text, StringComparison.Ordinal);
        Assert.Contains("Samaritans", text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsClientInfoCountryPicksTheRegion()
    {
        var bot = _host.Client(channelId: "msteams");
        var message = bot.Message("he threatened to kill me");
        message.Entities = [new Entity("clientInfo") { Properties = new JObject { ["country"] = "IE", ["locale"] = "en-IE", ["platform"] = "web" } }];
        var text = BotClient.Read(await bot.SendAsync(message));
        Assert.Contains("Samaritans Ireland", text, StringComparison.Ordinal);
        Assert.Contains("1800 341 900", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASafetyEventHoldsNoTextAndTheOperatorGetsCountsPerClass()
    {
        var bot = _host.Client();
        await bot.SayAsync("I want to die");
        await _host.Client("user-2", "conv-2").SayAsync("my husband hits me");
        await bot.SayAsync("I killed it at work today");

        // Two events (the idiom is not one), each filed under a hash of the user, holding no text and no user id;
        // on disk they are sealed, so not even their class is in clear.
        var store = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Safety);
        var keys = new List<string>();
        await foreach (var key in store.ListAsync("events"))
        {
            keys.Add(key);
        }

        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(bot.UserId, key, StringComparison.Ordinal);
            var json = JObject.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span));
            Assert.Equal(["id", "timeUtc", "owner", "class", "offered", "channel"], json.Properties().Select(p => p.Name));
            Assert.Equal(key.Split('/')[1], json.Value<string>("owner"));
            Assert.DoesNotContain("die", json.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("husband", json.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(bot.UserId, json.ToString(), StringComparison.Ordinal);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_host.DataPath, "safety"), "*.item", SearchOption.AllDirectories))
        {
            Assert.True(ReflectBot.Storage.Sealing.ItemCipher.IsSealed(await File.ReadAllBytesAsync(file)), file);
        }

        var http = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/admin/safety-events", UriKind.Relative))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/safety-events?from=2000-01-01&to=2100-01-01");
        request.Headers.Add(SafetyAdminEndpoints.KeyHeader, "operator-test-key");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, counts.Value<int>("total"));
        Assert.Equal(1, counts["byClass"]!.Value<int>("suicidal"));
        Assert.Equal(1, counts["byClass"]!.Value<int>("abuse"));
    }

    [Fact]
    public async Task WithoutAnOperatorKeyTheCountsEndpointDoesNotExist()
    {
        using var host = new BotHost();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/safety-events");
        request.Headers.Add(SafetyAdminEndpoints.KeyHeader, string.Empty);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WhenStorageIsDownTheCrisisReplyAndTheNotSafeAnswerStillGoOut()
    {
        using var host = new BotHost { TestServices = FailingStores.Install };
        var bot = host.Client();
        bot.TimeZone = "America/Denver";

        // Storage really is down: an ordinary message gets the one-line storage message, and only that.
        Assert.Equal(ReflectBot.Tests.Journeys.ContentFolders.Say(ReflectBot.Hosting.HostingStrings.CouldNotSave), BotClient.Read(await bot.SayAsync("check in")));

        var replies = await bot.SayAsync("I'm going to kill myself tonight");
        Assert.True(Conversations.HasCrisisCard(replies));
        var text = BotClient.Read(replies);
        Assert.Contains("988", text, StringComparison.Ordinal);
        Assert.Contains(Replies.CheckQuestion, text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ReflectBot.Tests.Journeys.ContentFolders.Say(ReflectBot.Hosting.HostingStrings.CouldNotSave), text, StringComparison.Ordinal);

        // The buttons need no stored state.
        var unsafeReplies = await bot.SayAsync(Replies.UnsafeButton);
        Assert.Contains("911", BotClient.ReadOne(unsafeReplies[0]), StringComparison.Ordinal);
        Assert.DoesNotContain(ReflectBot.Tests.Journeys.ContentFolders.Say(ReflectBot.Hosting.HostingStrings.CouldNotSave), BotClient.Read(unsafeReplies), StringComparison.Ordinal);
    }
}
