using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Kernel;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Architecture;

/// <summary>The routing table (Hosting/TurnRoutes) is the one place a message is routed, and content commands stay clear of it.</summary>
public sealed class RoutingTableTests
{
    private static readonly RouteTable Table = TurnRoutes.Table;

    [Fact]
    public void NoJourneyOrMeasureCommandIsAPhraseTheCodeAlreadyTakes()
    {
        var errors = new List<ContentError>();
        var library = ContentLibrary.LoadWithErrors(ContentFolders.Shipped, errors);
        var measures = MeasureLoader.LoadAll(ContentFolders.Shipped, errors);
        Assert.Empty(errors);

        var commands = library.Journeys.All.SelectMany(j => j.Commands).Concat(measures.SelectMany(m => m.Commands)).ToList();
        Assert.Contains("check in", commands);
        Assert.Contains("phq-9", commands);
        var taken = commands.Where(c => Table.Claiming(c).Any()).Select(c => $"'{c}' ({Table.Claiming(c).First().Name})").ToList();
        Assert.True(taken.Count == 0, "Content commands the code already takes: " + string.Join(", ", taken));
    }

    [Fact]
    public void ValidateNamesAJourneyCommandTheCodeAlreadyTakesWithItsFileAndLine()
    {
        var journey = ContentFolders.ValidJourney.Replace("summary: A small journey.", "summary: A small journey.\ncommands: [small one, my journal]", StringComparison.Ordinal);
        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With(("journeys/small.yaml", journey)), errors);

        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine("journeys", "small.yaml"), error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("'my journal'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"journal\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "help")]
    [InlineData("stop", "cancel")]
    [InlineData("delete my data", "privacy")]
    [InlineData("my journal", "journal")]
    [InlineData("assignments", "clinician")]
    [InlineData("connect AB12CD34", "client")]
    [InlineData("tell me about attachment", "cards")]
    public void APhraseIsClaimedFirstByTheRowThatHandlesIt(string text, string row)
        => Assert.Equal(row, Table.Claiming(text).First().Name);

    [Fact]
    public void WhileAssigningOnlyTheCommandsUpToTheClinician_sInterruptTheForm()
    {
        TurnRoute Row(string name) => Table.Routes.Single(r => r.Name == name);
        Assert.True(Table.MayInterrupt(Row("help"), AssignDialog.DialogId));
        Assert.True(Table.MayInterrupt(Row("journal"), AssignDialog.DialogId));
        Assert.True(Table.MayInterrupt(Row("clinician"), AssignDialog.DialogId));
        Assert.False(Table.MayInterrupt(Row("client"), AssignDialog.DialogId));
        Assert.False(Table.MayInterrupt(Row("journey"), AssignDialog.DialogId));
        Assert.False(Table.MayInterrupt(Row("cards"), AssignDialog.DialogId));
        Assert.True(Table.MayInterrupt(Row("dialog"), AssignDialog.DialogId));
        Assert.True(Table.MayInterrupt(Row("journey"), "daily-check-in"));
    }

    [Fact]
    public void EveryTurnCommandOfTheBotIsARowOfTheTable()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITurnCommand).IsAssignableFrom(t))
            .ToHashSet();
        Assert.NotEmpty(handlers);
        Assert.Equal(handlers.OrderBy(t => t.Name), Table.Routes.Select(r => r.Handler).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void ATableWhosePolicyNamesNoCommandIsRefused()
        => Assert.Throws<ArgumentException>(() => new RouteTable(Table.Routes, [new InterruptionPolicy("some-dialog", "nowhere")]));
}
