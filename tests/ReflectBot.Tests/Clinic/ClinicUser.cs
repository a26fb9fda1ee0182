using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using ReflectBot.Tests.Support;
using ReflectBot.Conversation;
using ReflectBot.Kernel;

namespace ReflectBot.Tests.Clinic;

/// <summary>A person talking to the bot in web chat, with a display name and the serviceUrl their channel would use.</summary>
public sealed partial class ClinicUser(BotClient client, string name, string? serviceUrl)
{
    public BotClient Client { get; } = client;

    public string Name { get; } = name;

    public string Key => UserKeys.From("webchat", Client.UserId);

    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        var activity = Client.Message(text);
        activity.From.Name = Name;
        if (serviceUrl is not null)
        {
            activity.ServiceUrl = serviceUrl;
        }

        return await Client.SendAsync(activity);
    }

    public async Task<string> ReadAsync(string text) => BotClient.Read(await SayAsync(text));

    /// <summary>"new client code", returning the code.</summary>
    public async Task<string> NewCodeAsync()
    {
        var reply = await ReadAsync("new client code");
        var match = CodeIn().Match(reply);
        Assert.True(match.Success, reply);
        return match.Groups[1].Value;
    }

    /// <summary>Connects with a code, answering the three consent questions.</summary>
    public async Task<string> ConnectAsync(string code, bool completion = true, bool mood = true, bool shared = true)
    {
        var intro = await ReadAsync($"connect {code}");
        Assert.Contains("Connect with", intro, StringComparison.Ordinal);
        await ReadAsync("yes");
        await ReadAsync(completion ? "yes" : "no");
        await ReadAsync(mood ? "yes" : "no");
        return await ReadAsync(shared ? "yes" : "no");
    }

    /// <summary>The daily check-in from start to saved, with a mood score.</summary>
    public async Task CheckInAsync(int mood, string onMind = "work was long")
    {
        await SayAsync("check in");
        await SayAsync(mood.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SayAsync("calm");
        await SayAsync(onMind);
        Assert.Contains("Saved", await ReadAsync("yes"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"code is ([A-Z0-9]{8})")]
    private static partial Regex CodeIn();
}
