using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// A clinician's own reflections over HTTP (the Adaptive Card form as web chat and Teams post it) and in the
/// terminal (step by step): the rules, the screen, the list, edits and deletions, assigning one and the client
/// answering it, and who may do none of that.
/// </summary>
public sealed class ReflectionTests : IDisposable
{
    private const string TeamsClinicianAad = "00000000-0000-4000-8000-00000000c1a2";
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public ReflectionTests()
        => _host = new ClinicHost(_time, settings: [("Clinic:ClinicianAadObjectIds:0", TeamsClinicianAad), ("Clinic:ClinicianUserKeys:2", "console/dr-terminal")]);

    public void Dispose() => _host.Dispose();

    private static JObject Form(string title, params (string Question, string Kind, string? Options)[] questions)
    {
        var value = new JObject { ["text"] = ReflectionForm.SaveCommand, ["title"] = title };
        for (var i = 0; i < questions.Length; i++)
        {
            value[$"q{i + 1}"] = questions[i].Question;
            value[$"k{i + 1}"] = questions[i].Kind;
            value[$"o{i + 1}"] = questions[i].Options ?? string.Empty;
        }

        return value;
    }

    /// <summary>Posts the form as Web Chat and Teams post an Action.Submit: a message with no text and the inputs as value.</summary>
    private static async Task<string> SubmitAsync(BotClient clinician, JObject value)
    {
        var message = clinician.Message(null);
        message.Value = value;
        return BotClient.Read(await clinician.SendAsync(message));
    }

    private static readonly (string, string, string?)[] ThreeQuestions =
    [
        ("What felt hardest this week?", "text", null),
        ("How close did you feel to the people around you?", "scale", null),
        ("Which word fits this evening best?", "choice", "calm, tense, numb"),
    ];

    [Fact]
    public async Task AClinicianWritesAReflectionInTheFormAssignsItAndTheClientAnswersEachQuestionWithTheQuestionsKeptOnTheEntry()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var card = Assert.Single((await clinician.SayAsync("new reflection")).SelectMany(r => r.Attachments ?? []));
        var form = (JObject)card.Content;
        Assert.Equal("1.5", form.Value<string>("version"));
        var ids = form.SelectTokens("$..body..id").Select(t => t.Value<string>()).ToList();
        Assert.Contains("title", ids);
        Assert.Contains($"q{TemplateRules.MaxQuestions}", ids);
        Assert.DoesNotContain($"q{TemplateRules.MaxQuestions + 1}", ids);
        Assert.Equal(ReflectionForm.SaveCommand, form.SelectToken("$.actions[0].data.text")!.Value<string>());

        Assert.Contains("Saved \"Between sessions\" (questions: 3)", await SubmitAsync(clinician, Form("Between sessions", ThreeQuestions)), StringComparison.Ordinal);
        Assert.Contains("1. Between sessions (questions: 3)", await clinician.ReadAsync("my reflections"), StringComparison.Ordinal);

        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await clinician.ReadAsync("assign");
        Assert.Contains("Between sessions", Offered(await clinician.SayAsync("Sam")));
        Assert.Contains("When?", await clinician.ReadAsync("Between sessions"), StringComparison.Ordinal);
        await clinician.ReadAsync("tomorrow at 9am");
        await clinician.ReadAsync("no");
        Assert.Contains("Done:", await clinician.ReadAsync("yes"), StringComparison.Ordinal);
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
        Assert.Equal(3, assignment.Questions!.Count);

        // Changing the reflection afterwards does not change what was assigned.
        var edited = Form("Between sessions", ("A different first question?", "text", null));
        edited[ReflectionForm.TemplateIdField] = (await _host.Get<ReflectionTemplates>().OfClinicianAsync(clinician.Key)).Single().Id;
        Assert.Contains("Updated \"Between sessions\" (questions: 1)", await SubmitAsync(clinician, edited), StringComparison.Ordinal);

        var first = await client.ReadAsync($"start assignment {assignment.Id}");
        Assert.Contains("Dr A asks you 3 questions", first, StringComparison.Ordinal);
        Assert.Contains("(1 of 3) What felt hardest this week?", first, StringComparison.Ordinal);
        Assert.Contains("(2 of 3) How close did you feel", await client.ReadAsync("the commute, mostly"), StringComparison.Ordinal);
        var third = await client.SayAsync("7");
        Assert.Contains("(3 of 3) Which word fits", BotClient.Read(third), StringComparison.Ordinal);
        Assert.Contains("tense", Offered(third));
        var saved = await client.ReadAsync("tense");
        Assert.Contains("Saved", saved, StringComparison.Ordinal);

        await client.ReadAsync("my journal");
        var entry = await client.ReadAsync("read 1");
        foreach (var (question, answer) in new[] { ("What felt hardest this week?", "the commute, mostly"), ("How close did you feel to the people around you?", "7"), ("Which word fits this evening best?", "tense") })
        {
            Assert.Contains(question, entry, StringComparison.Ordinal);
            Assert.Contains(answer, entry, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("A different first question?", entry, StringComparison.Ordinal);
        await client.ReadAsync("share entry 1");
        var opened = await clinician.ReadAsync("open entry 1.1");
        Assert.Contains("What felt hardest this week?", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("q1", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormsRulesAnswerEachProblemInPlainWordsAndSaveNothing()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var empty = await SubmitAsync(clinician, Form("   "));
        Assert.Contains(ContentFolders.Say(ReflectionStrings.TitleMissing), empty, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoQuestions), empty, StringComparison.Ordinal);

        var nine = Form("Too many", [.. Enumerable.Range(1, 9).Select(i => ($"Question number {i}?", "text", (string?)null))]);
        Assert.Contains("That's 9 questions; a reflection has at most 8.", await SubmitAsync(clinician, nine), StringComparison.Ordinal);

        var problems = await SubmitAsync(clinician, Form(new string('t', TemplateRules.MaxTitleChars + 1), (new string('w', TemplateRules.MaxQuestionChars + 1), "text", null), ("Pick one?", "choice", "only one")));
        Assert.Contains($"The title is {TemplateRules.MaxTitleChars + 1} characters long", problems, StringComparison.Ordinal);
        Assert.Contains($"Question 1 is {TemplateRules.MaxQuestionChars + 1} characters long", problems, StringComparison.Ordinal);
        Assert.Contains("Question 2 is answered by choosing, so give it 2 to 6 options", problems, StringComparison.Ordinal);

        // Hostile values (numbers, objects, arrays) count as blank rather than breaking the turn.
        var hostile = Form("Odd");
        hostile["q1"] = new JObject { ["x"] = 1 };
        hostile["k1"] = 5;
        hostile["q2"] = new JArray("a");
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoQuestions), await SubmitAsync(clinician, hostile), StringComparison.Ordinal);

        Assert.Contains(ContentFolders.Say(ReflectionStrings.SaveFromForm), await clinician.ReadAsync("save reflection"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoReflections), await clinician.ReadAsync("my reflections"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ReflectionTemplates>().OfClinicianAsync(clinician.Key));
    }

    [Fact]
    public async Task AReflectionWhoseWordsReadAsRiskIsHeldAndNeverSaved()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var reply = await SubmitAsync(clinician, Form("Tonight", ("What's on your mind?", "text", null), ("I want to kill myself, do you?", "text", null)));
        Assert.Contains(ContentFolders.Say(ReflectionStrings.Held), reply, StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ReflectionTemplates>().OfClinicianAsync(clinician.Key));
    }

    [Fact]
    public async Task AnotherClinicianAnUnlinkedOneAClientAndAStrangerCanNeitherSeeNorChangeNorAssignAnotherCliniciansReflections()
    {
        var a = _host.User(ClinicHost.ClinicianA, "Dr A");
        Assert.Contains("Saved", await SubmitAsync(a, Form("Private title of A", ("A question only A wrote?", "text", null))), StringComparison.Ordinal);
        var id = (await _host.Get<ReflectionTemplates>().OfClinicianAsync(a.Key)).Single().Id;

        // Clinician B, unlinked to anyone: sees none, opens none, deletes none, overwrites none.
        var b = _host.User(ClinicHost.ClinicianB, "Dr B");
        var seen = string.Join("\n", await b.ReadAsync("my reflections"), await b.ReadAsync("edit reflection 1"), await b.ReadAsync("delete reflection 1"));
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoReflections), seen, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoSuchReflection), seen, StringComparison.Ordinal);
        var overwrite = Form("Taken over", ("B's words?", "text", null));
        overwrite[ReflectionForm.TemplateIdField] = id;
        seen += await SubmitAsync(b, overwrite);
        Assert.DoesNotContain("Private title of A", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("A question only A wrote?", seen, StringComparison.Ordinal);
        Assert.Equal("Private title of A", (await _host.Get<ReflectionTemplates>().FindAsync(a.Key, id))!.Title);
        Assert.Null(await _host.Get<ReflectionTemplates>().FindAsync(b.Key, id));

        // B linked to a client of their own: A's reflection is not among B's choices.
        var client = _host.User("client-b", "Robin");
        await client.ConnectAsync(await b.NewCodeAsync());
        await b.ReadAsync("assign");
        var bOffered = Offered(await b.SayAsync("Robin"));
        Assert.Contains("Daily check-in", bOffered);
        Assert.DoesNotContain("Private title of A", bOffered);
        await b.ReadAsync("cancel");

        // A client (linked to A) and a stranger: only clinicians.
        var linked = _host.User("client-a", "Sam");
        await linked.ConnectAsync(await a.NewCodeAsync());
        var stranger = _host.User("stranger", "Nobody");
        var teamsStranger = _host.TeamsUser("29:1stranger", "Not a clinician", "00000000-0000-4000-8000-0000000000fe");
        foreach (var user in new[] { linked, stranger, teamsStranger })
        {
            foreach (var command in new[] { "my reflections", "new reflection", "edit reflection 1", "delete reflection 1" })
            {
                var replies = await user.SayAsync(command);
                Assert.Empty(replies.SelectMany(r => r.Attachments ?? []));
                var said = BotClient.Read(replies);
                Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), said, StringComparison.Ordinal);
                Assert.DoesNotContain("Private title of A", said, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Private title of A", await SubmitAsync(user, overwrite), StringComparison.Ordinal);
        }

        Assert.Single(await _host.Get<ReflectionTemplates>().OfClinicianAsync(a.Key));
        Assert.Empty(await _host.Get<ReflectionTemplates>().OfClinicianAsync(linked.Key));
        Assert.Empty(await _host.Get<ReflectionTemplates>().OfClinicianAsync(stranger.Key));
    }

    [Fact]
    public async Task AClinicianEditsTheirReflectionInTheFormFilledWithItAndDeletesIt()
    {
        var clinician = _host.TeamsUser("29:1clinician", "Dr Teams", TeamsClinicianAad);
        await SubmitAsync(clinician, Form("Evening", ThreeQuestions));
        var form = (JObject)Assert.Single((await clinician.SayAsync("edit reflection 1")).SelectMany(r => r.Attachments ?? [])).Content;
        Assert.Equal("Evening", form.SelectToken("$..body[?(@.id == 'title')].value")!.Value<string>());
        Assert.Equal("calm, tense, numb", form.SelectToken("$..[?(@.id == 'o3')].value")!.Value<string>());
        Assert.Equal("choice", form.SelectToken("$..[?(@.id == 'k3')].value")!.Value<string>());

        var data = (JObject)form.SelectToken("$.actions[0].data")!;
        var changed = Form("Evening, shorter", ("What went well?", "text", null));
        changed.Merge(new JObject { [ReflectionForm.TemplateIdField] = data[ReflectionForm.TemplateIdField] });
        Assert.Contains("Updated \"Evening, shorter\" (questions: 1)", await SubmitAsync(clinician, changed), StringComparison.Ordinal);
        Assert.Contains("1. Evening, shorter (questions: 1)", await clinician.ReadAsync("my reflections"), StringComparison.Ordinal);

        Assert.Contains("Deleted \"Evening, shorter\"", await clinician.ReadAsync("delete reflection 1"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectionStrings.NoReflections), await clinician.ReadAsync("my reflections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATerminalClinicianWritesAReflectionStepByStepWithTheSameRules()
    {
        var output = await TerminalAsync(
            "new reflection",
            "Evening check",
            new string('x', TemplateRules.MaxQuestionChars + 1),
            "What went well today?",
            "In their own words",
            "How tense are you right now?",
            "On a scale of 0 to 10",
            "check in",
            "By choosing an option",
            "just one",
            "calm, tense",
            "done",
            "my reflections");
        Assert.Contains($"keep each question to {TemplateRules.MaxQuestionChars} characters", output, StringComparison.Ordinal);
        Assert.Contains("Please give 2 to 6 options", output, StringComparison.Ordinal);
        Assert.Contains("Saved \"Evening check\" (questions: 3)", output, StringComparison.Ordinal);
        Assert.Contains("1. Evening check (questions: 3)", output, StringComparison.Ordinal);

        var saved = Assert.Single(await _host.Get<ReflectionTemplates>().OfClinicianAsync(ReflectBot.Kernel.UserKeys.From(ConsoleChat.ChannelId, "dr-terminal")));
        Assert.Equal(new[] { "What went well today?", "How tense are you right now?", "check in" }, saved.Questions.Select(q => q.Text));
        Assert.Equal(new[] { QuestionKind.Text, QuestionKind.Scale, QuestionKind.Choice }, saved.Questions.Select(q => q.Kind));
        Assert.Equal(new[] { "calm", "tense" }, saved.Questions[2].Choices);
    }

    [Fact]
    public async Task AClinicianWhoDeletesTheirDataLosesTheirReflectionsToo()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        await SubmitAsync(clinician, Form("Kept until erased", ("Anything?", "text", null)));
        await clinician.ReadAsync("delete my data");
        await clinician.ReadAsync("yes, delete everything");
        Assert.Empty(await _host.Get<ReflectionTemplates>().OfClinicianAsync(clinician.Key));
    }

    /// <summary>What a reply offers to tap: suggested actions and card buttons.</summary>
    private static List<string> Offered(IEnumerable<Activity> replies)
        => [.. replies.SelectMany(r => (r.SuggestedActions?.Actions ?? []).Select(a => a.Title)
            .Concat((r.Attachments ?? []).Select(a => a.Content).OfType<JObject>().SelectMany(c => c.SelectTokens("$..buttons[*].title").Select(t => t.Value<string>()))))
            .OfType<string>()];

    private async Task<string> TerminalAsync(params string[] lines)
    {
        using var output = new StringWriter();
        await ConsoleChat.RunAsync(_host.Services, new StringReader(string.Join("\n", lines) + "\n"), output, "dr-terminal", "Dr Terminal");
        return output.ToString();
    }
}
