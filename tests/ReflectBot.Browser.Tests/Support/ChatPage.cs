using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Privacy;
using static Microsoft.Playwright.Assertions;

namespace ReflectBot.Browser.Tests.Support;

/// <summary>The web chat page as a person uses it: read what the bot says, type, tap buttons.</summary>
public sealed class ChatPage(IPage page)
{
    public IPage Page { get; } = page;

    public const string Welcome = "automated journaling companion";

    /// <summary>
    /// How a new user's first "save this?" reads: the consent question of dialogs/strings/privacy.yaml, by its last
    /// sentence, which has no quotes for Web Chat's markdown to turn curly.
    /// </summary>
    public static readonly string FirstSaveQuestion = LastSentence(ContentLibrary.Load(ShippedContent()).Strings[PrivacyStrings.FirstSaveQuestion]);

    private static string LastSentence(string text)
    {
        var trimmed = text.TrimEnd();
        var end = trimmed.LastIndexOfAny(['.', '!', '?'], trimmed.Length - 2);
        return trimmed[(end + 1)..].Trim();
    }

    /// <summary>The repo's dialogs/, found by walking up from the test binaries to the solution.</summary>
    private static string ShippedContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReflectBot.sln")))
            {
                return Path.Combine(dir.FullName, "dialogs");
            }
        }

        throw new InvalidOperationException("ReflectBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Opens the page and waits for the welcome, so the chat is connected before anyone types.</summary>
    public static async Task<ChatPage> OpenAsync(IBrowserContext context, Uri address, bool withAxe = false)
    {
        var page = new ChatPage(await context.NewPageAsync());
        if (withAxe)
        {
            await Axe.ServeAsync(page.Page);
        }

        await page.Page.GotoAsync(address.AbsoluteUri);
        await Expect(page.Said(Welcome)).ToBeVisibleAsync();
        return page;
    }

    public ILocator Transcript => Page.Locator("#webchat");

    /// <summary>The latest paragraph in the transcript (a message or a card's text) containing the text.</summary>
    public ILocator Said(string text) => Transcript.Locator("p").Filter(new() { HasText = text }).Last;

    public ILocator Said(Regex text) => Transcript.Locator("p").Filter(new() { HasTextRegex = text }).Last;

    /// <summary>Waits for a message, then for Web Chat to come to rest (it scrolls smoothly and fades in).</summary>
    public async Task WaitSaidAsync(string text)
    {
        await Expect(Said(text)).ToBeVisibleAsync();
        await SettleAsync();
    }

    public async Task WaitSaidAsync(Regex text)
    {
        await Expect(Said(text)).ToBeVisibleAsync();
        await SettleAsync();
    }

    /// <summary>Lets Web Chat's smooth scroll finish: a half-scrolled transcript changes what is measured.</summary>
    public async Task SettleAsync()
    {
        await Page.WaitForTimeoutAsync(600);
        await Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    public async Task TypeAsync(string text)
    {
        await Page.Locator("[data-id='webchat-sendbox-input']").FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    /// <summary>Taps one of the suggested actions shown under the last message.</summary>
    public Task TapSuggestedAsync(string title)
        => Page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();

    /// <summary>Taps the newest card button with this title.</summary>
    /// <remarks>
    /// Waits for the button, then for Web Chat to come to rest, before tapping: a tap on the menu card while it was still
    /// fading in under the welcome once sent nothing (a CI run, stop 29: the transcript took the click as focus and
    /// opened its keyboard help instead).
    /// </remarks>
    public async Task TapCardButtonAsync(string title)
    {
        var button = Transcript.Locator(".ac-adaptiveCard").GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).Last;
        await Expect(button).ToBeVisibleAsync();
        await SettleAsync();
        await button.ClickAsync();
    }

    public async Task<(string ConversationId, string Token)> SessionAsync()
    {
        var json = await Page.EvaluateAsync<string>("() => window.localStorage.getItem('reflectbot.webchat')");
        var session = JObject.Parse(json);
        return ((string)session["conversationId"]!, (string)session["token"]!);
    }

    public async Task<string> UserIdAsync()
    {
        var (_, token) = await SessionAsync();
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return (string)JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)))["user"]!;
    }
}
