using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Text someone else writes for a user (a clinician's reply to a shared entry) is screened for what it says to
/// its reader, not only for the writer's own risk: the shipped lexicon's toReader patterns, and over HTTP the
/// clinic's reply path holding such a note back and telling the clinician why.
/// </summary>
public sealed class OthersTextScreenTests : IDisposable
{
    private static readonly Lazy<OthersTextScreen> Screen = new(() =>
    {
        var content = new SafetyContent(Options.Create(new ContentOptions { Path = ContentFolders.Shipped }));
        return new OthersTextScreen(content, new SafetyScreen(content.Screen));
    });

    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public OthersTextScreenTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("you should just kill yourself")]
    [InlineData("Honestly? Go die.")]
    [InlineData("nobody would even miss you")]
    [InlineData("Your family would be better off without you.")]
    [InlineData("you'd be better off dead")]
    [InlineData("You are worthless and you know it")]
    [InlineData("maybe you should just stop eating then")]
    [InlineData("k1ll urself")]
    [InlineData("Good entry. Why don't you just end it.")]
    [InlineData("no one cares about you, stop writing these")]
    public async Task WhatTellsTheReaderToHarmThemselvesOrThatTheyAreWorthlessIsHeld(string text)
        => Assert.Equal(OthersTextReason.HarmfulToReader, (await Screen.Value.CheckAsync(text)).Reason);

    [Theory]
    [InlineData("Thank you for writing this; let's look at it together.")]
    [InlineData("You did well to notice the urge and wait it out.")]
    [InlineData("Be kind to yourself this week, you are not a burden to anyone here.")]
    [InlineData("Good that you rang your sister. Let's talk about the weekend on Thursday.")]
    [InlineData("You deserve some rest after a week like that; you deserve it.")]
    [InlineData("It sounds like the shift killed you this week. Rest up.")]
    public async Task OrdinaryCareFromAClinicianPasses(string text)
        => Assert.False((await Screen.Value.CheckAsync(text)).Held, text);

    [Theory]
    [InlineData("I want to kill myself some days too")]
    [InlineData("do you still want to die?")]
    [InlineData("Have you had thoughts of suicide since we met?")]
    public async Task RiskLanguageInSomeoneElsesTextIsHeldAsRiskNotAsHarm(string text)
        => Assert.Equal(OthersTextReason.RiskLanguage, (await Screen.Value.CheckAsync(text)).Reason);

    [Fact]
    public async Task AClinicianReplyThatTellsTheClientToDieIsHeldBackOverHttpAndTheClinicianIsToldWhy()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        _time.Advance(TimeSpan.FromDays(1));
        await client.CheckInAsync(4, "a long week at work");
        Assert.Contains("Shared", await client.ReadAsync("share entry 1"), StringComparison.Ordinal);

        foreach (var cruel in new[] { "you should just kill yourself", "go die", "nobody would miss you" })
        {
            var said = await clinician.ReadAsync("reply to entry 1.1: " + cruel);
            Assert.Contains("I haven't passed that on to Sam", said, StringComparison.Ordinal);
            Assert.Contains("telling them to harm themselves", said, StringComparison.Ordinal);
            Assert.DoesNotContain("Saved", said, StringComparison.Ordinal);
        }

        Assert.Empty(await _host.Get<ClinicStore>().ListValuesAsync<EntryReply>(ClinicKeys.RepliesOf(client.Key)));
        var seen = await client.ReadAsync("hello");
        Assert.DoesNotContain("left a note", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("kill yourself", seen, StringComparison.Ordinal);

        // A kind reply still goes through, once.
        Assert.Contains("Saved. Sam will see it", await clinician.ReadAsync("reply to entry 1.1: You did well to write this down."), StringComparison.Ordinal);
        Assert.Contains("Dr A left a note", await client.ReadAsync("hello"), StringComparison.Ordinal);
    }
}
