using System.Text.RegularExpressions;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>What clinicians and clients do again and again in the clinic's tests, as a web chat user (<see cref="BotClient"/>).</summary>
public static partial class ClinicSteps
{
    /// <summary>"new client code", returning the code.</summary>
    public static async Task<string> NewCodeAsync(this BotClient clinician)
    {
        var reply = await clinician.ReadAsync("new client code");
        var match = CodeIn().Match(reply);
        Assert.True(match.Success, reply);
        return match.Groups[1].Value;
    }

    /// <summary>Connects with a code, answering the consent questions (each questionnaire answer is asked only after yes to mood).</summary>
    public static async Task<string> ConnectAsync(this BotClient client, string code, bool completion = true, bool mood = true, bool shared = true, bool measureAnswers = false)
    {
        var intro = await client.ReadAsync($"connect {code}");
        Assert.Contains("Connect with", intro, StringComparison.Ordinal);
        await client.ReadAsync("yes");
        await client.ReadAsync(completion ? "yes" : "no");
        await client.ReadAsync(mood ? "yes" : "no");
        var next = await client.ReadAsync(shared ? "yes" : "no");
        Assert.Equal(mood, next.Contains("besides the totals", StringComparison.Ordinal));
        return mood ? await client.ReadAsync(measureAnswers ? "yes" : "no") : next;
    }

    /// <summary>The daily check-in from start to saved, with a mood score.</summary>
    public static async Task CheckInAsync(this BotClient client, int mood, string onMind = "work was long")
    {
        await client.SayAsync("check in");
        await client.SayAsync(mood.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await client.SayAsync("calm");
        await client.SayAsync(onMind);
        Assert.Contains("Saved", await client.ReadAsync("yes"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"code is ([A-Z0-9]{8})")]
    private static partial Regex CodeIn();
}
