using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>The safety content files: complete, dated, and reported by file and line when broken.</summary>
public sealed class SafetyContentTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "dialogs");

    [Fact]
    public void EveryCrisisLineHasANumberEveryEntryACheckDateAndEveryRegionAnEmergencyNumber()
    {
        var errors = new List<ContentError>();
        var resources = SafetyContentLoader.LoadResources(Content, errors);
        Assert.Empty(errors);
        Assert.NotNull(resources);
        foreach (var id in new[] { "US", "GB", "IE", "CA", "AU", "NZ" })
        {
            Assert.Contains(resources.Regions, r => r.Id == id);
        }

        foreach (var region in resources.Regions)
        {
            Assert.False(string.IsNullOrWhiteSpace(region.Emergency), region.Id);
            Assert.Contains(region.Resources, r => r.For.Contains(CrisisResource.Crisis));
            foreach (var topic in new[] { "abuse", "children", "eating" })
            {
                Assert.True(region.Resources.Any(r => r.For.Contains(topic)), $"{region.Id} has no line or directory for {topic}");
            }

            foreach (var line in region.Resources)
            {
                Assert.True(line.Number is not null || line.Url is not null, $"{region.Id} {line.Name} has neither a number nor a link");
                Assert.True(!line.For.Contains(CrisisResource.Crisis) || !string.IsNullOrWhiteSpace(line.Number), $"{region.Id} {line.Name} is a crisis line without a number");
                Assert.True(line.Checked > new DateOnly(2024, 1, 1), $"{region.Id} {line.Name} checked {line.Checked}");
            }
        }

        // Ireland's text line, as the issue asks.
        Assert.Contains(resources.ById("IE")!.Resources, r => r.Number == "50808");
        Assert.StartsWith("https://", resources.Fallback.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void AReplyForAbuseNamesTheCrisisLinesAndTheDomesticAbuseLineButNotTheChildrensLine()
    {
        var errors = new List<ContentError>();
        var uk = SafetyContentLoader.LoadResources(Content, errors)!.ById("GB")!;
        var abuse = uk.LinesFor(RiskClass.Abuse).Select(l => l.Name).ToList();
        Assert.Contains("Samaritans", abuse);
        Assert.Contains("National Domestic Abuse Helpline (Refuge)", abuse);
        Assert.DoesNotContain("Childline", abuse);
        Assert.Contains("Childline", uk.LinesFor(RiskClass.ChildDanger).Select(l => l.Name));
    }

    [Fact]
    public void AResourceWithoutAPurposeANumberOrADateIsReportedWithItsLine()
    {
        var folder = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(folder, "safety"));
        File.WriteAllText(Path.Combine(folder, "safety", "resources.yaml"), """
            regions:
              - id: XX
                name: Testland
                emergency: "112"
                resources:
                  - name: A line
                    for: [crisis]
                    how: Call it.
                    checked: soon
                  - name: Another
                    how: Call it.
                    number: "1"
                    checked: 2026-01-01
            fallback:
              name: Directory
              how: Look it up.
              url: https://example.org/
              checked: 2026-01-01
            emergency: Call 112.
            """);
        var errors = new List<ContentError>();
        SafetyContentLoader.LoadResources(folder, errors);
        Assert.Contains(errors, e => e.Message.Contains("crisis line needs a 'number'", StringComparison.Ordinal) && e.Line == 6);
        Assert.Contains(errors, e => e.Message.Contains("'checked' should be a date", StringComparison.Ordinal) && e.Line == 9);
        Assert.Contains(errors, e => e.Message.Contains("'for' is missing", StringComparison.Ordinal) && e.Line == 10);
    }

    [Fact]
    public void ABrokenPatternAndAnUnboundedOneAreReportedWithTheirLines()
    {
        var folder = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(folder, "safety"));
        File.WriteAllText(Path.Combine(folder, "safety", "lexicon.yaml"), """
            classes:
              - id: suicidal
                patterns: ['\bwant to die\b']
              - id: self-harm
                patterns: ['(unclosed']
              - id: harm-to-others
                patterns: ['\bhurt him\b.*\bnow\b']
              - id: abuse
                patterns: ['(\w+ )+hits me']
              - id: attempt
                patterns: ['\btook them all\b']
              - id: voices
                patterns: ['\bvoices tell me\b']
              - id: child-danger
                patterns: ['\bhurts my son\b']
              - id: eating-disorder
                patterns: ['\bpurging\b']
            """);
        var errors = new List<ContentError>();
        SafetyContentLoader.LoadLexicon(folder, errors);
        Assert.Equal(5, Assert.Single(errors, e => e.Message.Contains("not a valid regular expression", StringComparison.Ordinal)).Line);
        Assert.Equal(7, Assert.Single(errors, e => e.Message.Contains("unbounded gap", StringComparison.Ordinal)).Line);
        Assert.Equal(9, Assert.Single(errors, e => e.Message.Contains("repeats without bound inside", StringComparison.Ordinal)).Line);
    }

    [Fact]
    public void AMissingReplyAndAPlaceholderAReplyCannotFillAreReported()
    {
        // The schema is checked first and a file that fails it is not read further, so each mistake in a file of its own.
        var missing = Replies(yaml => yaml.Replace("trusted: If you can,", "trustd: If you can,", StringComparison.Ordinal));
        Assert.Contains(missing, e => e.Message.Contains("'trusted' is missing", StringComparison.Ordinal));
        Assert.Contains(missing, e => e.Message.Contains("unknown key 'trustd'", StringComparison.Ordinal) && e.Line > 1);

        var placeholder = Replies(yaml => yaml.Replace("possible: \"That sounds heavy.", "possible: \"That sounds heavy, {clinician}.", StringComparison.Ordinal));
        Assert.Contains(placeholder, e => e.Message.Contains("'possible' may not use {clinician}", StringComparison.Ordinal) && e.Line > 1);
    }

    private static List<ContentError> Replies(Func<string, string> edit)
    {
        var folder = ContentFolders.CopyOfShipped();
        var path = Path.Combine(folder, "safety", "replies.yaml");
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        var errors = new List<ContentError>();
        SafetyRepliesLoader.Load(folder, errors);
        Assert.All(errors, e => Assert.Equal(Path.Combine("safety", "replies.yaml"), e.File));
        return errors;
    }

    private static RiskScreen Lexicon()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(Content, errors);
        Assert.Empty(errors);
        return new RiskScreen(lexicon!);
    }

    [Theory]
    [InlineData("this traffic is killing me", RiskClass.None)]
    [InlineData("I killed it at work", RiskClass.None)]
    [InlineData("dying to see it", RiskClass.None)]
    [InlineData("I'm not going to hurt anyone", RiskClass.None)]
    [InlineData("my partner hits me", RiskClass.Abuse)]
    [InlineData("I want to hurt him", RiskClass.HarmToOthers)]
    // A final full stop, emoji, held-down letters, slang and misspellings do not hide it.
    [InlineData("I'm going to end it tonight.", RiskClass.Suicidal)]
    [InlineData("i wanna die 😭😭", RiskClass.Suicidal)]
    [InlineData("i just want to dieeeee", RiskClass.Suicidal)]
    [InlineData("honestly kms", RiskClass.Suicidal)]
    [InlineData("thinking about how to unalive myself", RiskClass.Suicidal)]
    [InlineData("i have sucidal thoughts again", RiskClass.Suicidal)]
    // "can't stop X" means X.
    [InlineData("I can't stop thinking about killing myself", RiskClass.Suicidal)]
    [InlineData("I can't stop cutting my arms", RiskClass.SelfHarm)]
    // A negation or a resolution cancels only the phrase it belongs to.
    [InlineData("I'm not sad, I want to die", RiskClass.Suicidal)]
    [InlineData("I used to go to therapy and it helped. I don't want to live anymore.", RiskClass.Suicidal)]
    [InlineData("I stopped my meds and the voices are telling me to hurt myself", RiskClass.Voices)]
    [InlineData("I used to self-harm but I've started again", RiskClass.SelfHarm)]
    // The new classes.
    [InlineData("I've just taken all my pills", RiskClass.Attempt)]
    [InlineData("swallowed a bottle of bleach ten minutes ago", RiskClass.Attempt)]
    [InlineData("he checks my phone every night and controls all my money", RiskClass.Abuse)]
    [InlineData("I'm 14 and my stepdad hits me", RiskClass.ChildDanger)]
    [InlineData("I'm scared I'll hurt my baby, I had to put her down and walk away", RiskClass.ChildDanger)]
    [InlineData("I make myself sick after every meal", RiskClass.EatingDisorder)]
    [InlineData("the voices keep telling me to jump", RiskClass.Voices)]
    // Someone else's, a course, a story: not the writer's risk.
    [InlineData("my friend is suicidal and I don't know how to help her", RiskClass.None)]
    [InlineData("Psychology lecture on self-harm in adolescents today", RiskClass.None)]
    [InlineData("cut my finger chopping onions", RiskClass.None)]
    public void TheIssuesExamplesAreReadAsExpected(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    // Round seven: a voice's command carries another class's words, and the reply that fits is the voices one;
    // an attempt in progress still comes first. An inner critic, a song in the head or a little voice of
    // encouragement is no voice commanding: the class stays what the message says.
    [Theory]
    [InlineData("The voices keep telling me to kill myself", RiskClass.Voices)]
    [InlineData("something in my head keeps telling me to hurt my mum", RiskClass.Voices)]
    [InlineData("I hear a voice that says I must kill myself. It is not my voice.", RiskClass.Voices)]
    [InlineData("There's a man's voice that tells me to jump off the balcony", RiskClass.Voices)]
    [InlineData("scared. the whispering is back and it's telling me to burn myself on the cooker", RiskClass.Voices)]
    [InlineData("The voices told me to and I've just taken all my pills", RiskClass.Attempt)]
    [InlineData("My inner critic says I'm useless and I want to die", RiskClass.Suicidal)]
    [InlineData("the critical voice in my head tells me I'm useless and I want to die", RiskClass.Suicidal)]
    [InlineData("There's a song stuck in my head and I keep thinking about killing myself", RiskClass.Suicidal)]
    [InlineData("My little voice says I can do it but I still want to kill myself", RiskClass.Suicidal)]
    [InlineData("I heard him say he'd kill me if I left, he hits me every week", RiskClass.Abuse)]
    [InlineData("A little voice says I can do it", RiskClass.None)]
    public void AVoicesCommandGetsTheVoicesReplyAndAnAttemptStillComesFirst(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    // Round eight: a voice named in one sentence and its words in another ("it says", "he tells me to") is a voice
    // speaking, and so is a misspelt one; a pronoun speaking in a message that names no voice is not ("my mum says",
    // "the doctor told me to", "it says on the box"), nor is someone heard who is there.
    [Theory]
    [InlineData("It's the voice again. It's started telling me exactly how to kill myself", RiskClass.Voices)]
    [InlineData("Been hearing the bloke again. He reckons I should go round and stab my brother", RiskClass.Voices)]
    [InlineData("The voices. They've been whispering since breakfast that I should cut my arms", RiskClass.Voices)]
    [InlineData("the whisperer is back. it wants me to hang myself in the garage", RiskClass.Voices)]
    [InlineData("voics again teling me to hurt myslef", RiskClass.Voices)]
    [InlineData("My mum says I should eat more. I want to kill myself", RiskClass.Suicidal)]
    [InlineData("I lost my voice at the gig. The doctor told me to rest and honestly I want to die", RiskClass.Suicidal)]
    [InlineData("It says on the box take two but I'm going to kill myself tonight", RiskClass.Suicidal)]
    [InlineData("I can hear him again downstairs. He says he'll kill me if I try to leave and he hits me", RiskClass.Abuse)]
    public void AVoiceNamedInOneSentenceAndSpeakingInAnotherIsAVoiceButAPronounAloneIsNot(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    // The same choice for the model layer's alarm when the lexicon is silent on the risk but hears the voice.
    [Theory]
    [InlineData(RiskClass.Suicidal, RiskClass.Voices)]
    [InlineData(RiskClass.HarmToOthers, RiskClass.Voices)]
    [InlineData(RiskClass.Attempt, RiskClass.Attempt)]
    public void AModelAlarmOnAMessageWhereAVoiceSpeaksGetsTheVoicesReplyButAnAttemptStaysAnAttempt(RiskClass model, RiskClass expected)
    {
        var reading = Lexicon().Read("the voices keep telling me things about my family and I can't get away from them");
        Assert.Equal(RiskClass.None, reading.Live);
        Assert.True(reading.VoiceSpeaking);
        Assert.Equal(expected, SafetyScreen.Combine(reading, new ScreenResult(RiskLevel.Possible, model, "model", 0.8)).Class);
        Assert.Equal(model, SafetyScreen.Combine(Lexicon().Read("my family keeps telling me things and I can't get away from them"), new ScreenResult(RiskLevel.Possible, model, "model", 0.8)).Class);
    }

    [Theory]
    [InlineData("I used to self-harm but I've been safe for years", RiskClass.SelfHarm)]
    [InlineData("When I was little my dad used to hit me when he drank.", RiskClass.Abuse)]
    [InlineData("Two years since I last self-harmed today. Proud of me.", RiskClass.SelfHarm)]
    public void APastExperienceIsReadAsPastNotAsRisk(string text, RiskClass past)
    {
        var reading = Lexicon().Read(text);
        Assert.Equal(RiskClass.None, reading.Live);
        Assert.Equal(past, reading.Past);
    }

    // Round eight: a present risk told beside an old one ("it's back" as one word, what came back named, a likeness
    // to then told of now, "never stopped") is now; "back to normal", a memory that comes back, a smile that is back
    // are not.
    [Theory]
    [InlineData("i was suicidal at 15. im 31 and its back", RiskClass.Suicidal)]
    [InlineData("I tried to kill myself when I was 19. I'm 34 now and that same heaviness is back.", RiskClass.Suicidal)]
    [InlineData("I used to make myself sick after every meal. I'm in the same cycle as when I was 19.", RiskClass.EatingDisorder)]
    [InlineData("When I was a teenager I wanted to die. I never really stopped.", RiskClass.Suicidal)]
    public void APresentRiskToldBesideAnOldOneIsLive(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    [Theory]
    [InlineData("I tried to kill myself in 2015. Things are back to normal now and I'm doing well.", RiskClass.Suicidal)]
    [InlineData("I used to self-harm at school. My smile is back these days.", RiskClass.SelfHarm)]
    [InlineData("I self-harmed as a teenager. The memory came back this week when I found my old diary.", RiskClass.SelfHarm)]
    public void AnOldRiskBesideSomethingElseThatIsBackStaysPast(string text, RiskClass past)
    {
        var reading = Lexicon().Read(text);
        Assert.Equal(RiskClass.None, reading.Live);
        Assert.Equal(past, reading.Past);
    }

    // General rules of language, not phrasings: hyperbole hung on a trivial repetition; a stretch of time clean;
    // a later sentence that dates what came before; a threat that is not hung on a trivial repetition stays one.
    [Theory]
    [InlineData("I swear I'll throttle my flatmate if he leaves the milk out one more time", RiskClass.None)]
    [InlineData("If the printer jams one more time I will murder it", RiskClass.None)]
    [InlineData("Six months clean from cutting today", RiskClass.None)]
    public void HyperboleAndTimeCleanAreNotLive(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    [Fact]
    public void AThreatNotHungOnATrivialRepetitionStaysLive()
        => Assert.NotEqual(RiskClass.None, Lexicon().Screen("I'm going to kill him if he touches my sister again"));

    // A later sentence that dates what came before ("That was back in 1987."), and since round six an age: the age
    // then in the same sentence ("until I was about twelve", "At 25 I"), or a later sentence of its own giving the
    // age then ("I was seven.") or an adult age now ("I'm 58 now.").
    [Theory]
    [InlineData("My husband locked me in the shed for a whole night. That was back in 1987.")]
    [InlineData("I swallowed a bottle of pills after the business went under. That was twenty years ago and I'm a grandad now.")]
    [InlineData("My stepdad dragged me by my hair. I was seven.")]
    [InlineData("My stepdad dragged me by my hair. I was maybe seven or eight at the time.")]
    [InlineData("My stepfather beat me until I was about twelve.")]
    [InlineData("At 25 I swallowed a full packet of paracetamol and woke up in hospital.")]
    [InlineData("I swallowed a full packet of paracetamol at 25 and woke up in hospital.")]
    [InlineData("My husband hit me. Now I am forty-one, I have a daughter of my own.")]
    [InlineData("I self-harmed through my thirties. I'm 58 now.")]
    public void ALaterSentenceOrAnAgeThatDatesTheStoryMakesItPast(string text)
    {
        var reading = Lexicon().Read(text);
        Assert.Equal(RiskClass.None, reading.Live);
        Assert.NotEqual(RiskClass.None, reading.Past);
    }

    // What the age rules must not do: read an age given as context, a weight, a dose time or a first time as
    // "over" when the risk is now.
    [Theory]
    [InlineData("I make myself sick after every meal, I'm down to 42 kg at 26.", RiskClass.EatingDisorder)]
    [InlineData("I'm still making myself sick at 26.", RiskClass.EatingDisorder)]
    [InlineData("My stepdad hit me. I'm 40 now, and he still does it.", RiskClass.Abuse)]
    [InlineData("My stepdad hits me. I was six when he started and he still does it.", RiskClass.Abuse)]
    [InlineData("Bit my forearm until it bled. I'm 71.", RiskClass.SelfHarm)]
    [InlineData("I'm 40 and my husband hits me.", RiskClass.Abuse)]
    [InlineData("I took the whole packet at 23:30 and I feel really sick.", RiskClass.Attempt)]
    [InlineData("I swallowed 30 tablets at 25 past ten and I feel really sick.", RiskClass.Attempt)]
    [InlineData("Cut myself again last night. I was 15 the first time.", RiskClass.SelfHarm)]
    public void AnAgeGivenAsContextLeavesARiskLive(string text, RiskClass expected)
        => Assert.Equal(expected, Lexicon().Screen(text));

    [Theory]
    [InlineData("I want to k\u200Bill myself")] // a zero-width space inside the word
    [InlineData("I want to kіll myself")] // a Cyrillic і
    [InlineData("I want to ＫＩＬＬ myself")] // full-width letters (NFKC)
    [InlineData("I want to k1ll mys3lf")] // digits for letters
    [InlineData("I want to kíll myself")] // an accent
    public void LookAlikeLettersFormatCharactersAndCompatibilityFormsAreFoldedBeforeScreening(string text)
        => Assert.Equal(RiskClass.Suicidal, Lexicon().Screen(text));

    [Fact]
    public void TheScreensWorkGrowsLinearlyWithTheLengthOfTheMessage()
    {
        // Counted, not timed: characters examined over every pattern run. Each pattern runs on one sentence
        // of at most MaxWindow characters, so doubling a message at most doubles the work, whatever it holds.
        var screen = Lexicon();
        foreach (var unit in new[] { "not not never no ", "I want to die and I wish I were dead but ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "he he he he hits me hits me ", "((((( ))))) //// ... " })
        {
            var work = new[] { 250, 500, 1000, 2000 }.Select(n => screen.Read(string.Concat(Enumerable.Repeat(unit, n))).Work).ToArray();
            for (var i = 1; i < work.Length; i++)
            {
                var ratio = work[i] / (double)work[i - 1];
                Assert.True(ratio < 2.2, $"work grew {ratio:F2}x when the message doubled ({unit.Trim()}): {string.Join(", ", work)}");
            }
        }

        foreach (var window in RiskScreen.Windows(string.Concat(Enumerable.Repeat("word ", 10_000))))
        {
            Assert.True(window.Length <= RiskScreen.MaxWindow, $"a window of {window.Length} characters");
        }
    }

    [Fact]
    public void AMegabyteOfTextIsScreenedWithoutHanging()
    {
        var screen = Lexicon();
        Assert.Equal(RiskClass.None, screen.Screen(string.Concat(Enumerable.Repeat("not not never no ", 65_000))));
        Assert.Equal(RiskClass.Suicidal, screen.Screen("I want to die " + new string('a', 1_000_000)));
    }
}
