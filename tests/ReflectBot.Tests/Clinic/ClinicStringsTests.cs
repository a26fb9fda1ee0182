using System.Globalization;
using Microsoft.Bot.Schema;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The clinic's sentences that are chosen or put together from several keys of <c>dialogs/strings/clinic*.yaml</c>
/// (schedules, what a client shares, lists of names, why a code fails) read exactly as the bot said them before they
/// were content.
/// </summary>
public sealed class ClinicStringsTests
{
    private static readonly StringCatalog Strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;

    // Dates in schedules follow the host's culture, as they always did; the expected words here are the invariant ones.
    private static string Invariant(Func<string> say)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return say();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(new[] { DayOfWeek.Thursday, DayOfWeek.Monday }, "19:00", "2025-12-20", null, "every Monday and Thursday at 19:00 until 20 Dec 2025 (Europe/London)")]
    [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Tuesday, DayOfWeek.Friday }, "07:30", null, 4, "every Tuesday, Friday and Sunday at 07:30, 4 times (Europe/London)")]
    [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }, "09:00", "2025-12-20", 14, "every day at 09:00 until 20 Dec 2025, 14 times (Europe/London)")]
    [InlineData(new[] { DayOfWeek.Wednesday }, "18:00", null, null, "every Wednesday at 18:00 (Europe/London)")]
    public void ARepeatingScheduleIsSaidInWholeWords(DayOfWeek[] days, string time, string? until, int? count, string said)
    {
        var recurrence = new Recurrence { Days = [.. days], LocalTime = time, TimeZoneId = "Europe/London", StartDate = "2025-12-01", UntilDate = until, Count = count };
        Assert.Equal(said, Invariant(() => recurrence.Describe(Strings)));
    }

    [Fact]
    public void AOneOffScheduleNamesItsDayAndDate()
        => Assert.Equal("once, on Fri 5 Dec 2025 at 17:00 (UTC)", Invariant(() => new Recurrence { LocalTime = "17:00", StartDate = "2025-12-05" }.Describe(Strings)));

    [Fact]
    public void WhatAClientSharesIsOnePhraseWithTheSafetyNoteOnlyWhenAgreed()
    {
        Assert.Equal(
            "completion shared, mood scores not shared, entries you mark can be shared",
            ClinicStrings.SharingOf(Strings, new ClinicConsent { Completion = true, SharedEntries = true }));
        Assert.Equal(
            "completion not shared, mood scores shared, entries you mark not shared, a note (time only) after crisis support",
            ClinicStrings.SharingOf(Strings, new ClinicConsent { Mood = true, SafetyNotes = true }));
    }

    [Fact]
    public void ClinicianNamesAreJoinedOneAfterAnotherAsBefore()
    {
        Assert.Equal("Dr A", ClinicStrings.EachAnd(Strings, ["Dr A"]));
        Assert.Equal("Dr A and Dr B and Dr C", ClinicStrings.EachAnd(Strings, ["Dr A", "Dr B", "Dr C"]));
    }

    [Fact]
    public void EveryWayAJoinCodeCanFailHasItsOwnSentence()
    {
        var problems = Enum.GetValues<CodeStatus>().Where(s => s != CodeStatus.Valid).Select(s => ClinicStrings.CodeProblem(Strings, s)).ToList();
        Assert.Equal(problems.Count, problems.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(Strings[ClinicStrings.CodeUnusable], problems);
        Assert.Equal("That code has expired (codes last 14 days). Please ask your clinician for a new one.", ClinicStrings.CodeProblem(Strings, CodeStatus.Expired));
    }

    [Fact]
    public void TheDeliveryCardCarriesTheNoteAndTheExactStartCommand()
    {
        var assignment = new Assignment { Id = "ab12cd34", ClinicianName = "Dr A", Title = "Daily check-in", Note = "Just a few minutes" };
        var card = Assert.IsType<HeroCard>(DeliveryCard.Build(assignment, Strings).Attachments[0].Content);
        Assert.Equal(
            "Hi! Dr A asked you to take a few minutes for \"Daily check-in\". Their note: \"Just a few minutes\" Whenever you're ready, tap Start (or type \"start assignment ab12cd34\").",
            card.Text);
        Assert.Equal("start assignment ab12cd34", Assert.Single(card.Buttons).Value);
    }
}
