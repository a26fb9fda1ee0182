using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>The shipped lexicon alone (no model), and the check the lexicon's rule tests share.</summary>
internal static class ShippedLexicon
{
    public static RiskScreen Screen()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        return new RiskScreen(lexicon!);
    }

    /// <summary>Fails unless the lexicon reads <paramref name="text"/> as live risk of <paramref name="live"/>.</summary>
    public static void AssertLive(string text, RiskClass live)
    {
        var reading = Screen().Read(text);
        Assert.True(reading.IsLive(live), $"'{text}' should be read as live {RiskClasses.IdOf(live)}; read live {RiskClasses.IdOf(reading.Live)}, past {RiskClasses.IdOf(reading.Past)}");
    }
}
