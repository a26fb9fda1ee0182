using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReflectBot.Browser.Tests.Support;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReflectBot.Browser.Tests.Accessibility;

/// <summary>
/// WCAG 2.2 AA on the page and the cards (issue 17), in Debian's Chromium against the real host: axe-core on every
/// state the issue names, the keyboard, names and the live region, zoom and reflow, motion, forced colors.
/// Screenshots go to artifacts/a11y/ beside the test binaries.
/// </summary>
public sealed partial class AccessibilityTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly LiveBotHost _host = new();

    private static readonly string Shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "a11y")).FullName;

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("390", 390, 844, 1)]
    [InlineData("1280", 1280, 900, 1)]
    [InlineData("zoom400", 320, 256, 4)] // 400 % zoom on a 1280 × 1024 screen: 320 CSS px wide (1.4.10)
    public async Task EveryStateTheIssueNamesHasNoAxeViolationsOfAnyImpactEveryNodeANameAndNoSidewaysScrolling(string name, int width, int height, int scale)
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = scale });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress, withAxe: true);
        var report = new List<string>();
        var failures = new List<string>();
        async Task Check(string state)
        {
            await chat.SettleAsync();
            var violations = await Axe.ViolationsAsync(chat.Page);
            var tree = await AccessibilityTree.UnderAsync(chat.Page, "#webchat");
            var unnamed = AccessibilityTree.Unnamed(tree);
            var counted = tree.Where(n => AccessibilityTree.MustBeNamed.Contains(n.Role)).GroupBy(n => n.Role).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            report.Add($"{name} {state}: {violations.Count} violations; accessibility tree: {string.Join(", ", counted)}, {unnamed.Count} without a name");
            failures.AddRange(violations.Select(v => $"{name} {state}: {v}"));
            failures.AddRange(unnamed.Select(u => $"{name} {state}: no name in the accessibility tree: {u}"));
            // At 400 % zoom the chat is one viewport tall between a header and footer that scroll away: the person
            // scrolls the page to it (sending scrolled the page to the Send button).
            await chat.Page.EvaluateAsync("() => { if (document.documentElement.scrollHeight > innerHeight) document.getElementById('webchat').scrollIntoView({ block: 'start' }); }");
            failures.AddRange(await ReflowFailuresAsync(chat, state, withSuggestedActions: await chat.Page.Locator(".webchat__suggested-actions button").CountAsync() > 0));
            if (name != "1280")
            {
                await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{state}.png") });
            }
        }

        await Check("welcome");
        await chat.TypeAsync("check in");
        await chat.WaitSaidAsync("0 to 10");
        await Check("scale-prompt");

        await chat.TapSuggestedAsync("7");
        await chat.WaitSaidAsync(FeelingsQuestion());
        await chat.TypeAsync("calm, tired");
        await chat.WaitSaidAsync(OnYourMindQuestion());
        await chat.TypeAsync("work was long");
        await chat.WaitSaidAsync(ChatPage.FirstSaveQuestion);
        await Check("choice-prompt-save-consent");
        await chat.TapSuggestedAsync("Yes");
        await chat.WaitSaidAsync("Saved to your journal");
        await Check("saved");

        await chat.TypeAsync("my journal");
        await Expect(chat.Transcript.Locator("p, li").Filter(new() { HasText = "mood 7/10" }).Last).ToBeVisibleAsync();
        await Check("journal-listing");

        await chat.TypeAsync("mood");
        await chat.WaitSaidAsync("Your mood over the last");
        await Expect(chat.Transcript.Locator("img[alt^='Mood chart']").Last).ToBeVisibleAsync();
        await Check("mood-chart");

        await chat.TypeAsync("learn");
        await Expect(chat.Transcript.GetByRole(AriaRole.Button, new() { Name = "tell me about attachment" }).Last).ToBeVisibleAsync();
        await Check("hero-card-topics");

        await chat.TypeAsync("tell me about attachment");
        await Expect(ReadButtons(chat).First).ToBeVisibleAsync();
        await Check("hero-card-list");
        var readNames = await ReadButtons(chat).EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.getAttribute('aria-label') || b.innerText)");
        var liveCopies = await chat.Page.Locator("#webchat .webchat__live-region-transcript").GetByRole(AriaRole.Button, new() { NameRegex = ReadCardButton() }).CountAsync();
        Assert.True(readNames.Length >= 2 && readNames.Distinct(StringComparer.Ordinal).Count() == readNames.Length, $"the cards' buttons share names ({liveCopies} more in the live region): " + string.Join(" | ", readNames));

        await ReadButtons(chat).First.ClickAsync();
        await chat.WaitSaidAsync("This card is education");
        await Check("adaptive-card");

        await chat.TypeAsync("fears");
        await chat.WaitSaidAsync(FearsOpening());
        await chat.TypeAsync("I went quiet when a friend asked how I was");
        await chat.WaitSaidAsync(FearsChoice());
        await Check("choice-prompt-fears");

        await chat.TypeAsync("I want to die");
        await chat.WaitSaidAsync("Are you safe right now?");
        await Check("crisis-reply");

        await File.WriteAllLinesAsync(Path.Combine(Shots, $"axe-summary-{name}.txt"), report);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(11, report.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACheckInCanBeDoneWithTheKeyboardOnlyInVisibleOrderWithVisibleFocus(bool forcedColors)
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            ForcedColors = forcedColors ? ForcedColors.Active : ForcedColors.None,
        });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        var page = chat.Page;
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await chat.SettleAsync();

        // On load the text box has focus, and shows it.
        await Expect(sendBox).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusVisibleAsync(page, "the text box");

        // The menu card's "check in": Shift+Tab to the transcript, End to the newest message, Enter into it, Tab to its button.
        await ShiftTabUntilAsync(page, "() => !!document.activeElement.closest('.webchat__basic-transcript')");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 5 && !await FocusedIsAsync(page, "check in"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await FocusedIsAsync(page, "check in"), "Tab did not reach the menu card's button: " + await FocusedAsync(page));
        await AssertFocusVisibleAsync(page, "the card button");
        await page.Keyboard.PressAsync(" ");
        await chat.WaitSaidAsync("0 to 10");

        // The suggested actions: one Tab stop before the text box, arrows between them, each in reading order with visible focus.
        await page.Keyboard.PressAsync("Escape");
        await TabUntilAsync(page, "() => document.activeElement?.dataset?.id === 'webchat-sendbox-input'");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.webchat__suggested-actions')"), "Shift+Tab from the text box did not reach the suggested actions: " + await FocusedAsync(page));
        await page.Keyboard.PressAsync("Home");
        var seen = new List<(string Name, double X, double Y)>();
        for (var i = 0; i < 11; i++)
        {
            await AssertFocusVisibleAsync(page, $"suggested action {i}");
            var box = await page.EvaluateAsync<JsonElement>("() => { const r = document.activeElement.getBoundingClientRect(); return { name: document.activeElement.innerText.trim(), x: r.x, y: r.y }; }");
            seen.Add((box.GetProperty("name").GetString()!, box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble()));
            await page.Keyboard.PressAsync("ArrowRight");
        }

        Assert.Equal(Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen.Select(s => s.Name));
        for (var i = 1; i < seen.Count; i++)
        {
            // Reading order: to the right on the same row, or on a lower row.
            Assert.True(seen[i].Y > seen[i - 1].Y + 1 || (Math.Abs(seen[i].Y - seen[i - 1].Y) <= 1 && seen[i].X > seen[i - 1].X), $"{seen[i].Name} is not after {seen[i - 1].Name} on screen");
        }

        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < 7; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        Assert.True(await FocusedIsAsync(page, "7"), await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await chat.WaitSaidAsync(FeelingsQuestion());
        await Expect(sendBox).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("calm, tired");
        await page.Keyboard.PressAsync("Enter");
        await chat.WaitSaidAsync(OnYourMindQuestion());
        await page.Keyboard.TypeAsync("work was long");
        await page.Keyboard.PressAsync("Enter");
        await chat.WaitSaidAsync(ChatPage.FirstSaveQuestion);

        // The question's text can show a moment before its buttons on a busy machine; Shift+Tab then reached the
        // transcript instead.
        await Expect(page.Locator("#webchat .webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "Yes" })).ToBeVisibleAsync();
        await Expect(sendBox).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Home");
        Assert.True(await FocusedIsAsync(page, "Yes"), await FocusedAsync(page));
        await AssertFocusVisibleAsync(page, "Yes");
        await page.Keyboard.PressAsync(" ");
        await chat.WaitSaidAsync("Saved to your journal");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, forcedColors ? "forced-keyboard-check-in-saved.png" : "390-keyboard-check-in-saved.png") });

        var entry = Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", await chat.UserIdAsync())));
        Assert.Equal(7, entry.Mood);
    }

    [Fact]
    public async Task InForcedColorsButtonsAndMessageBubblesKeepTheirEdges()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, ForcedColors = ForcedColors.Active });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => matchMedia('(forced-colors: active)').matches"));
        await chat.TypeAsync("check in");
        await chat.WaitSaidAsync("0 to 10");

        var edgeless = await chat.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#webchat button, .webchat__bubble__content')]
              .filter(el => el.getBoundingClientRect().width > 0)
              .filter(el => { const cs = getComputedStyle(el); return !(cs.borderTopStyle !== 'none' && parseFloat(cs.borderTopWidth) > 0) && cs.outlineStyle === 'none'; })
              .filter(el => !el.closest('.webchat__send-box, .webchat__keyboard-help'))
              .map(el => el.className + ' ' + (el.innerText || el.getAttribute('aria-label') || '').slice(0, 30))
            """);
        Assert.True(edgeless.Length == 0, "no edge in forced colors: " + string.Join(" | ", edgeless));
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "forced-scale-prompt.png") });

        await chat.TypeAsync("I want to die");
        await chat.WaitSaidAsync("Are you safe right now?");
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "forced-crisis-reply.png") });
    }

    [Fact]
    public async Task EveryMessageCardAndButtonHasANameAndNewMessagesAreAnnouncedWithTheirText()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        await chat.Page.EvaluateAsync("""
            () => {
              // What screen readers hear: text added to any live region (aria-live other than off, or role log/status/alert).
              window.__announced = [];
              const seen = new WeakSet();
              const watch = () => {
                for (const region of document.querySelectorAll('[aria-live], [role=log], [role=status], [role=alert]')) {
                  if (seen.has(region) || region.getAttribute('aria-live') === 'off') continue;
                  seen.add(region);
                  new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes) window.__announced.push(n.textContent ?? ''); })
                    .observe(region, { childList: true, subtree: true });
                }
              };
              watch();
              new MutationObserver(watch).observe(document.body, { childList: true, subtree: true });
            }
            """);

        await chat.TypeAsync("tell me about attachment");
        await Expect(ReadButtons(chat).First).ToBeVisibleAsync();
        await ReadButtons(chat).First.ClickAsync();
        await chat.WaitSaidAsync("This card is education");
        var cardTitle = await chat.Transcript.Locator(".ac-adaptiveCard [role=heading]").Last.InnerTextAsync();
        await chat.TypeAsync("I want to die");
        await chat.WaitSaidAsync("Are you safe right now?");
        await chat.Page.WaitForTimeoutAsync(1000);

        var announced = string.Join("\n", await chat.Page.EvaluateAsync<string[]>("() => window.__announced"));
        Assert.Contains("said", announced, StringComparison.Ordinal);
        Assert.Contains(cardTitle.Trim(), announced, StringComparison.Ordinal);
        Assert.Contains("This card is education", announced, StringComparison.Ordinal);
        Assert.Contains("Are you safe right now?", announced, StringComparison.Ordinal);
        Assert.DoesNotContain("**", announced, StringComparison.Ordinal);

        // Names from Chromium's accessibility tree, what a screen reader gets: every message (article), card (form or
        // figure), image and button in Web Chat has one; each message is named by what was said.
        var tree = await AccessibilityTree.UnderAsync(chat.Page, "#webchat");
        var unnamed = AccessibilityTree.Unnamed(tree);
        Assert.True(unnamed.Count == 0, "without a name: " + string.Join(", ", unnamed));
        var messages = tree.Where(n => n.Role == "article" && n.Name.Contains("said", StringComparison.Ordinal)).ToList();
        Assert.True(messages.Count >= 8, $"{messages.Count} messages named by what was said");
        Assert.True(tree.Count(n => n.Role == "button") >= 5, string.Join(", ", tree.Select(n => n.Role)));
        // The card read (an Adaptive Card from the bot) and its Hero card in the list before it (shown as an Adaptive Card
        // with speak by the page) are both forms named by the card's title.
        Assert.True(tree.Count(n => n.Role == "form" && n.Name.StartsWith(cardTitle.Trim(), StringComparison.Ordinal)) >= 2, string.Join(" | ", tree.Where(n => n.Role is "form" or "figure").Select(n => n.Name)));
        Assert.Contains(tree, n => n.Role == "form" && n.Name.Contains(_host.Services.GetRequiredService<ReflectBot.Safety.SafetyContent>().Replies.CardTitle, StringComparison.Ordinal));

        // The check can fail: a message article left as Web Chat renders it is reported.
        await chat.Page.EvaluateAsync("() => document.querySelector('article.webchat__basic-transcript__activity').removeAttribute('aria-labelledby')");
        Assert.Contains(AccessibilityTree.Unnamed(await AccessibilityTree.UnderAsync(chat.Page, "#webchat")), u => u.StartsWith("article <article class=\"webchat__basic-transcript__activity", StringComparison.Ordinal));

        // Each message is labelled by what was said ("Bot ... said: ..."); the Adaptive Card by its speak.
        var labels = await chat.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.webchat__basic-transcript__activity')].map(activity => {
              const labelled = activity.querySelector('[aria-labelledby]');
              return labelled ? labelled.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ').trim() : '';
            })
            """);
        Assert.True(labels.Length >= 4, $"{labels.Length} messages");
        Assert.All(labels, label => Assert.Matches("said", label));
        var card = chat.Transcript.Locator(".ac-adaptiveCard[aria-label]").Filter(new() { HasText = "This card is education" }).Last;
        await Expect(card).ToHaveAttributeAsync("aria-label", new Regex(Regex.Escape(cardTitle.Trim())));
    }

    [Fact]
    public async Task AfterACardButtonIsPressedFocusIsOnTheTextBoxNotOnTheButtonTheReplyScrolledAway()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        await chat.TypeAsync("tell me about attachment");
        var pressed = ReadButtons(chat).First;
        await Expect(pressed).ToBeVisibleAsync();
        await chat.SettleAsync();

        await pressed.ClickAsync();
        await chat.WaitSaidAsync("This card is education");

        await Expect(chat.Page.Locator("[data-id='webchat-sendbox-input']")).ToBeFocusedAsync();
        Assert.True(await chat.Page.EvaluateAsync<bool>(InView, null), "focus is off screen: " + await FocusedAsync(chat.Page));
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "390-focus-after-card-button.png") });

        // The button pressed is out of view now: had focus stayed on it, the check above would fail.
        Assert.False(await pressed.EvaluateAsync<bool>(InView), "the pressed button is still in view, so this test shows nothing");
    }

    /// <summary>Whether the element (or the focused one) is inside the viewport and, in the transcript, inside its scrolled view.</summary>
    private const string InView = """
        el => {
          el = el || document.activeElement;
          const r = el.getBoundingClientRect();
          if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) return false;
          const scroller = el.closest('.webchat__basic-transcript__scrollable');
          if (!scroller) return true;
          const s = scroller.getBoundingClientRect();
          return r.bottom > s.top && r.top < s.bottom;
        }
        """;

    [Fact]
    public async Task TheMoodChartsAlternativeTextCarriesItsOneLineSummary()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        await chat.TypeAsync("check in");
        await chat.WaitSaidAsync("0 to 10");
        await chat.TypeAsync("6");
        await chat.WaitSaidAsync(FeelingsQuestion());
        await chat.TypeAsync("tired");
        await chat.WaitSaidAsync(OnYourMindQuestion());
        await chat.TypeAsync("a long week");
        await chat.WaitSaidAsync(ChatPage.FirstSaveQuestion);
        await chat.TapSuggestedAsync("Yes");
        await chat.WaitSaidAsync("Saved to your journal");

        await chat.TypeAsync("mood");
        await chat.WaitSaidAsync("Your mood over the last");
        var summary = (await chat.Said("Your mood over the last").InnerTextAsync()).Trim();
        var image = chat.Transcript.Locator(".webchat__bubble img").Last;
        await Expect(image).ToBeVisibleAsync();
        var alt = await image.GetAttributeAsync("alt");

        Assert.Contains("1 score", summary, StringComparison.Ordinal);
        Assert.NotNull(alt);
        Assert.Contains(summary, alt, StringComparison.Ordinal);
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "390-mood-chart-with-alt.png") });
    }

    [Theory]
    [InlineData("zoom200", 640, 450, 2)]
    [InlineData("320", 320, 640, 1)]
    public async Task AtTwoHundredPercentZoomAndThreeHundredTwentyPixelsNothingIsCutOffOrScrollsSideways(string name, int width, int height, int scale)
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = scale });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        var failures = new List<string>();
        async Task Check(string state, bool withSuggestedActions)
        {
            await chat.SettleAsync();
            failures.AddRange(await ReflowFailuresAsync(chat, state, withSuggestedActions));
            await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}-{state}.png") });
        }

        await Check("welcome", false);
        await chat.TypeAsync("check in");
        await chat.WaitSaidAsync("0 to 10");
        await Check("scale-prompt", true);
        await chat.TypeAsync("tell me about attachment");
        await Expect(ReadButtons(chat).Last).ToBeVisibleAsync();
        await Check("hero-card-list", false);
        await chat.TypeAsync("tell me about Fearing both closeness and being left");
        await chat.WaitSaidAsync("This card is education");
        await Check("adaptive-card", false);
        await chat.TypeAsync("fears");
        await chat.WaitSaidAsync(FearsOpening());
        await chat.TypeAsync("I went quiet when a friend asked how I was");
        await chat.WaitSaidAsync(FearsChoice());
        await Check("choice-prompt-fears", true);
        await chat.TypeAsync("I want to die");
        await chat.WaitSaidAsync("Are you safe right now?");
        await Check("crisis-reply", true);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ReducedMotionTurnsOffAnimationAndTheAnimatedTypingIndicator()
    {
        var motion = new Dictionary<ReducedMotion, JsonElement>();
        foreach (var preference in new[] { ReducedMotion.NoPreference, ReducedMotion.Reduce })
        {
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, ReducedMotion = preference });
            var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
            await chat.Page.EvaluateAsync("""
                () => {
                  window.__running = new Set();
                  const watch = () => {
                    for (const a of document.getAnimations()) {
                      const d = a.effect?.getComputedTiming?.().duration;
                      if (typeof d === 'number' && d > 0.01) window.__running.add(`${a.animationName || a.transitionProperty || a.constructor.name} ${d}`);
                    }
                    requestAnimationFrame(watch);
                  };
                  requestAnimationFrame(watch);
                }
                """);
            await chat.TypeAsync("check in");
            await chat.WaitSaidAsync("0 to 10");
            motion[preference] = await chat.Page.EvaluateAsync<JsonElement>("""
                async () => {
                  const gifs = [];
                  for (const sheet of document.styleSheets) {
                    let rules = [];
                    try { rules = [...sheet.cssRules]; } catch { }
                    for (const rule of rules) if (/image\/gif|\.gif\b/.test(rule.cssText)) gifs.push(rule.cssText.slice(0, 80));
                  }
                  for (const img of document.images) if (/image\/gif|\.gif\b/.test(img.src)) gifs.push(img.src.slice(0, 80));
                  // Web Chat's typing indicator is a background image: by default an animated GIF behind a blob: URL.
                  const urls = new Set();
                  for (const sheet of document.styleSheets) {
                    let rules = [];
                    try { rules = [...sheet.cssRules]; } catch { }
                    for (const rule of rules) for (const m of (rule.style?.backgroundImage ?? '').matchAll(/url\("?([^")]+)"?\)/g)) urls.add(m[1]);
                  }
                  // The page's CSP keeps blob: out of fetch, so the default GIF is known by its blob: URL, ours by its name.
                  const typing = [...urls].map(u => u.startsWith('blob:') ? 'blob:' : u);
                  return { matches: matchMedia('(prefers-reduced-motion: reduce)').matches, gifs, typing, running: [...window.__running] };
                }
                """);
        }

        var reduced = motion[ReducedMotion.Reduce];
        Assert.True(reduced.GetProperty("matches").GetBoolean());
        Assert.True(reduced.GetProperty("gifs").GetArrayLength() == 0, "animated GIF under reduced motion: " + reduced.GetProperty("gifs"));
        var typing = reduced.GetProperty("typing").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Contains(typing, t => t.EndsWith("typing-static.svg", StringComparison.Ordinal));
        Assert.True(reduced.GetProperty("running").GetArrayLength() == 0, "animations ran: " + reduced.GetProperty("running"));

        // Without the preference the indicator is Web Chat's animated GIF (a blob: URL), not ours: the check above can tell.
        var animated = motion[ReducedMotion.NoPreference].GetProperty("typing").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.DoesNotContain(animated, t => t.EndsWith("typing-static.svg", StringComparison.Ordinal));
        Assert.True(animated.Count(t => t == "blob:") > typing.Count(t => t == "blob:"), "the default indicator's blob: image is not replaced under reduced motion");
    }

    [Fact]
    public async Task UnderReducedMotionTheTranscriptJumpsToEachNewMessageKeyAndNewMessagesButtonInOneStep()
    {
        var runs = new Dictionary<ReducedMotion, Dictionary<string, ScrollFrames>>();
        foreach (var preference in new[] { ReducedMotion.NoPreference, ReducedMotion.Reduce })
        {
            // A short pane, so the first turns already fill it and every reply scrolls it.
            await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 560 }, ReducedMotion = preference });
            var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
            await chat.TypeAsync("check in");
            await chat.WaitSaidAsync("0 to 10");
            var run = runs[preference] = [];

            // Stuck to the bottom, a new message arrives (the answer, then the reply to it).
            await StartSamplingScrollAsync(chat.Page);
            await chat.TapSuggestedAsync("7");
            await chat.WaitSaidAsync(FeelingsQuestion());
            run["new message"] = await StopSamplingScrollAsync(chat.Page);

            // The send box's keys: a page up, then the end (Web Chat scrolls for them when the text box is empty).
            var input = chat.Page.Locator("[data-id='webchat-sendbox-input']");
            await input.FocusAsync();
            await StartSamplingScrollAsync(chat.Page);
            await input.PressAsync("PageUp");
            await chat.SettleAsync();
            run["PageUp"] = await StopSamplingScrollAsync(chat.Page);
            await StartSamplingScrollAsync(chat.Page);
            await input.PressAsync("End");
            await chat.SettleAsync();
            run["End"] = await StopSamplingScrollAsync(chat.Page);

            // Scrolled up, a message comes in that the page did not send (posted on Direct Line as another tab of the
            // same person would): the transcript stays put and Web Chat's "New messages" button appears; it jumps.
            await input.PressAsync("PageUp");
            await chat.SettleAsync();
            var before = await chat.Page.EvaluateAsync<double>("() => document.querySelector('#webchat .webchat__basic-transcript__scrollable').scrollTop");
            await chat.Page.EvaluateAsync("""
                async () => {
                  const s = JSON.parse(localStorage.getItem('reflectbot.webchat'));
                  const user = JSON.parse(atob(s.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).user;
                  const r = await fetch(`${s.domain}/conversations/${s.conversationId}/activities`, {
                    method: 'POST',
                    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
                    body: JSON.stringify({ type: 'message', from: { id: user, role: 'user' }, text: 'calm, tired', locale: 'en-US' })
                  });
                  if (!r.ok) throw new Error(`post: ${r.status}`);
                }
                """);
            var button = chat.Page.Locator("#webchat .webchat__scroll-to-end-button");
            await Expect(button).ToBeVisibleAsync();
            await chat.SettleAsync();
            var stayed = await chat.Page.EvaluateAsync<double>("() => document.querySelector('#webchat .webchat__basic-transcript__scrollable').scrollTop");
            Assert.True(Math.Abs(stayed - before) < 1, $"{preference}: the transcript moved from {before} to {stayed} while scrolled up");
            await StartSamplingScrollAsync(chat.Page);
            await button.ClickAsync();
            await chat.SettleAsync();
            run["New messages button"] = await StopSamplingScrollAsync(chat.Page);
            await Expect(button).ToBeHiddenAsync();

            // Still stuck to the bottom after the button: the next reply is followed too.
            await StartSamplingScrollAsync(chat.Page);
            await chat.TypeAsync("work was long");
            await chat.WaitSaidAsync(ChatPage.FirstSaveQuestion);

            // The save question's buttons land after its text: sample until the transcript has come to rest, as the
            // steps above do (one CI run stopped between the two and found the view a message short of the bottom).
            await chat.SettleAsync();
            run["new message after the button"] = await StopSamplingScrollAsync(chat.Page);
        }

        var report = string.Join("\n", runs.SelectMany(r => r.Value.Select(f => $"{r.Key} {f.Key}: {f.Value}")));
        File.WriteAllText(Path.Combine(Shots, "reduced-motion-scroll.txt"), report);
        var reduced = runs[ReducedMotion.Reduce];
        foreach (var (step, frames) in reduced)
        {
            Assert.True(frames.Moves.Count > 0, $"reduce {step}: the transcript did not move\n{report}");
            Assert.True(frames.EndsAtBottom || step == "PageUp", $"reduce {step}: not at the bottom at the end\n{report}");
        }

        // Following new messages and the End key: every position shown is where it started or the bottom as it stood
        // at some frame (the bottom moves as the answer, the typing indicator and the reply arrive): no glide between.
        foreach (var step in new[] { "new message", "End", "new message after the button" })
        {
            Assert.True(reduced[step].Between.Count == 0, $"reduce {step}: in-between positions {string.Join(", ", reduced[step].Between)}\n{report}");
        }

        // A page up goes one page (the pane's height) in one move, not to either end: the keys keep their meaning.
        var pageUp = reduced["PageUp"];
        Assert.True(pageUp.Moves.Count == 1 && Math.Abs(pageUp.Moves[0].From - pageUp.Moves[0].To - pageUp.Height) < 1.5, $"PageUp: {pageUp}, the pane is {pageUp.Height}\n{report}");

        // The button: Web Chat puts focus on the first unread message (a native, instant scrollIntoView) and scrolls
        // to the end; under the preference that is at most those two moves, in consecutive frames.
        var clicked = reduced["New messages button"];
        Assert.True(clicked.Moves.Count <= 2 && clicked.Moves[^1].Frame - clicked.Moves[0].Frame <= 1, $"New messages button: {clicked}\n{report}");

        // Without the preference Web Chat glides through in-between positions: the checks above can fail.
        var control = runs[ReducedMotion.NoPreference];
        Assert.True(control["new message"].Between.Count + control["new message after the button"].Between.Count > 0, "no gliding without the preference: the check cannot tell\n" + report);
        Assert.True(control["End"].Between.Count > 0 && control["PageUp"].Moves.Count > 1, "no gliding on the keys without the preference\n" + report);
    }

    private static async Task StartSamplingScrollAsync(IPage page) => await page.EvaluateAsync("""
        () => {
          const s = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
          const frames = window.__scrollFrames = [];
          window.__sampling = true;
          const tick = () => {
            frames.push([s.scrollTop, Math.max(0, s.scrollHeight - s.offsetHeight), s.offsetHeight]);
            if (window.__sampling) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }
        """);

    private static async Task<ScrollFrames> StopSamplingScrollAsync(IPage page)
    {
        var frames = await page.EvaluateAsync<double[][]>("() => { window.__sampling = false; return window.__scrollFrames; }");
        return new ScrollFrames(frames);
    }

    /// <summary>The transcript's scrollTop, its bottom (scrollHeight - offsetHeight) and height at each animation frame.</summary>
    private sealed class ScrollFrames(double[][] frames)
    {
        public List<(int Frame, double From, double To)> Moves { get; } = frames.Zip(frames.Skip(1), (a, b) => (a, b))
            .Select((p, i) => (Frame: i + 1, From: p.a[0], To: p.b[0]))
            .Where(m => Math.Abs(m.To - m.From) > 0.5)
            .ToList();

        /// <summary>Positions shown that are neither where the transcript started nor its bottom at any frame.</summary>
        public List<double> Between => frames.Select(f => f[0])
            .Where(top => Math.Abs(top - frames[0][0]) > 0.5 && !frames.Any(f => Math.Abs(f[1] - top) <= 0.5))
            .Distinct()
            .ToList();

        public bool EndsAtBottom => frames.Length > 0 && Math.Abs(frames[^1][0] - frames[^1][1]) <= 1;

        public double Height => frames.Length > 0 ? frames[0][2] : 0;

        public override string ToString()
            => $"{frames.Length} frames, {Moves.Count} moves: " + string.Join(", ", Moves.Select(m => $"#{m.Frame} {m.From:0}→{m.To:0} (bottom {frames[m.Frame][1]:0})"));
    }

    [Fact]
    public async Task TheDisclaimerAndCrisisLinkComeAfterTheChatAndAreReachedByTab()
    {
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var chat = await ChatPage.OpenAsync(context, _host.BaseAddress);
        var page = chat.Page;

        // Landmarks in reading order: banner, one main (the conversation), contentinfo with the disclaimer.
        var landmarks = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('header, main, footer, [role=main], [role=banner], [role=contentinfo]')]
              .filter(el => !el.closest('#webchat') || el.getAttribute('role'))
              .map(el => el.getAttribute('role') || el.tagName.toLowerCase())
            """);
        Assert.Equal(["header", "main", "footer"], landmarks);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveAccessibleNameAsync("Conversation with ReflectBot");
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToContainTextAsync("not an emergency service");

        var link = page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link);
        await Expect(link).ToHaveAccessibleNameAsync(new Regex("findahelpline\\.com.*opens in a new tab"));
        await Expect(link).ToHaveAttributeAsync("target", "_blank");

        // From the text box: Tab reaches Send, then the link.
        await Expect(page.Locator("[data-id='webchat-sendbox-input']")).ToBeFocusedAsync();
        await TabUntilAsync(page, "() => document.activeElement?.closest('footer') !== null");
        await Expect(link).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page, "the crisis link");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "390-crisis-link-focused.png") });
    }

    /// <summary>Whether focus shows: an outline or box-shadow on the element, Web Chat's focus indicator beside it, or the ring of a nearby ancestor that has focus within.</summary>
    private const string FocusIndicator = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const ring = (node, pseudo) => {
            const cs = getComputedStyle(node, pseudo);
            if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) return `outline ${cs.outlineWidth} ${cs.outlineStyle}`;
            if (cs.boxShadow && cs.boxShadow !== 'none') return `box-shadow ${cs.boxShadow}`;
            return null;
          };
          const border = node => { const cs = getComputedStyle(node); return cs.display !== 'none' && cs.borderTopStyle !== 'none' && parseFloat(cs.borderTopWidth) > 0 ? `border ${cs.borderTopWidth} ${cs.borderTopStyle}` : null; };
          for (const p of [null, '::before', '::after']) { const r = ring(el, p); if (r) return r; }
          for (const scope of [el, el.parentElement]) {
            const indicator = scope?.querySelector(':scope > [class*=focus-indicator]');
            if (indicator) { const r = border(indicator) || ring(indicator); if (r) return 'indicator ' + r; }
          }
          let a = el.parentElement;
          for (let i = 0; a && i < 3; i++, a = a.parentElement) { const r = ring(a); if (r) return 'ancestor ' + r; }
          return null;
        }
        """;

    private const string MeasureReflow = """
        withActions => {
          const root = document.documentElement;
          const clipped = [];
          for (const el of document.querySelectorAll('body *')) {
            const cs = getComputedStyle(el);
            if (cs.display === 'none' || cs.visibility === 'hidden' || el.clientWidth <= 2) continue;
            if (el.closest('.webchat__keyboard-help, .webchat__live-region-transcript, .visually-hidden')) continue;
            if (el.scrollWidth > el.clientWidth + 1 && (cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis') && el.innerText?.trim())
              clipped.push(`${el.tagName.toLowerCase()}.${[...el.classList].filter(c => !c.startsWith('css-')).slice(0, 2).join('.')} "${el.innerText.trim().slice(0, 40)}"`);
          }
          const visible = el => { if (!el) return false; const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
          const scroller = document.querySelector('.webchat__basic-transcript__scrollable');
          const bots = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content')];
          const latest = bots[bots.length - 1];
          let latestVisible = visible(latest);
          if (latestVisible && scroller) { const s = scroller.getBoundingClientRect(), b = latest.getBoundingClientRect(); latestVisible = Math.min(b.bottom, s.bottom) - Math.max(b.top, s.top) > 0; }
          const actions = document.querySelector('.webchat__suggested-actions button');
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped: [...new Set(clipped)].slice(0, 10), latestVisible, actionsVisible: !withActions || visible(actions) };
        }
        """;

    /// <summary>What breaks reflow (1.4.10) in the page as it is: sideways scrolling, text cut off, the latest message or its actions off screen.</summary>
    private static async Task<List<string>> ReflowFailuresAsync(ChatPage chat, string state, bool withSuggestedActions)
    {
        var failures = new List<string>();
        var m = await chat.Page.EvaluateAsync<JsonElement>(MeasureReflow, withSuggestedActions);
        if (m.GetProperty("scrollWidth").GetDouble() > m.GetProperty("clientWidth").GetDouble())
        {
            failures.Add($"{state}: scrolls sideways ({m.GetProperty("scrollWidth")} > {m.GetProperty("clientWidth")})");
        }

        foreach (var clipped in m.GetProperty("clipped").EnumerateArray())
        {
            failures.Add($"{state}: text cut off: {clipped.GetString()}");
        }

        if (!m.GetProperty("latestVisible").GetBoolean())
        {
            failures.Add($"{state}: the latest bot message is not on screen");
        }

        if (withSuggestedActions && !m.GetProperty("actionsVisible").GetBoolean())
        {
            failures.Add($"{state}: its suggested actions are not on screen");
        }

        return failures;
    }

    /// <summary>The buttons of Web Chat's list of cards, each "Read: " and its card's title.</summary>
    // The transcript's scrolling list only: Web Chat's live region (inside the transcript, visually hidden) briefly
    // holds a copy of each new message, buttons and all, so under load the copy's buttons were counted beside the
    // real ones.
    private static ILocator ReadButtons(ChatPage chat) => chat.Page.Locator("#webchat .webchat__basic-transcript__scrollable").GetByRole(AriaRole.Button, new() { NameRegex = ReadCardButton() });

    private static async Task AssertFocusVisibleAsync(IPage page, string what)
    {
        var indicator = await page.EvaluateAsync<string?>(FocusIndicator);
        Assert.True(indicator is not null, $"no visible focus on {what}: {await FocusedAsync(page)}");
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const el = document.activeElement; return el ? `${el.tagName} ${el.className} \"${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}\"` : 'nothing'; }");

    private static Task<bool> FocusedIsAsync(IPage page, string name) => page.EvaluateAsync<bool>(
        "name => { const el = document.activeElement; return !!el && el.tagName === 'BUTTON' && (el.innerText.trim() === name || el.getAttribute('aria-label') === name); }", name);

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>(condition); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>(condition), "Tab never reached it: " + await FocusedAsync(page));
    }

    private static async Task ShiftTabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 8 && !await page.EvaluateAsync<bool>(condition); i++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>(condition), "Shift+Tab never reached it: " + await FocusedAsync(page));
    }

    [GeneratedRegex("^Read: .+")]
    private static partial Regex ReadCardButton();

    [GeneratedRegex("word or two")]
    private static partial Regex FeelingsQuestion();

    [GeneratedRegex("on your mind|taking up space")]
    private static partial Regex OnYourMindQuestion();

    [GeneratedRegex("pulled back|arm's length|arm’s length")]
    private static partial Regex FearsOpening();

    [GeneratedRegex("Which of these fears|Which fear")]
    private static partial Regex FearsChoice();
}
