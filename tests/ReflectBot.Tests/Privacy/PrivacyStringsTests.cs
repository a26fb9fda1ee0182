using ReflectBot.Content;
using ReflectBot.Privacy;
using ReflectBot.Storage;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Privacy;

/// <summary>What the bot says about a person's data comes from dialogs/strings/privacy.yaml, in whole sentences for each case.</summary>
public sealed class PrivacyStringsTests
{
    private static readonly StringCatalog Strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;

    [Theory]
    [InlineData(0, "What stays: anonymous totals of how often this bot has shown crisis support to anyone")]
    [InlineData(1, "recycle bin (soft delete) for 1 day, then they're gone for good; and anonymous totals of how often this bot has shown crisis support")]
    [InlineData(14, "recycle bin (soft delete) for 14 days, then they're gone for good; and anonymous totals")]
    [InlineData(null, "for as long as whoever runs this bot has set it to keep them (Azure allows 1 to 365 days), then they're gone for good; and anonymous totals")]
    public void OnBlobStorageWhatStaysNamesTheSoftDeleteRetentionInAWholeSentence(int? days, string expected)
    {
        var storage = new StorageOptions { Kind = StorageKinds.Blob };
        storage.Blob.SoftDeleteRetentionDays = days;

        var text = PrivacyReplies.WhatStays(Strings, storage);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.EndsWith("which can't be linked back to you.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 days", text, StringComparison.Ordinal);
        Assert.Equal(days is 0, !text.Contains("recycle bin", StringComparison.Ordinal));
    }

    [Fact]
    public void DoneListsWhatTheFeaturesErasedOnlyWhenTheyNamedSomething()
    {
        var storage = new StorageOptions();

        var nothing = PrivacyReplies.Deleted(Strings, [], storage);
        var some = PrivacyReplies.Deleted(Strings, ["3 journal entries", "your safety plan"], storage);

        Assert.StartsWith("Done. I've deleted everything I kept about you, your settings and our conversation.", nothing, StringComparison.Ordinal);
        Assert.StartsWith("Done. I've deleted everything I kept about you (3 journal entries, your safety plan), your settings and our conversation.", some, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + PrivacyReplies.WhatStays(Strings, storage), some, StringComparison.Ordinal);
        Assert.Contains("(Backups of the server this bot runs on", some, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Blob", true, true, "in the Azure Storage account of whoever runs this bot", "- You've agreed to keep a journal", "(now paused)")]
    [InlineData("File", false, false, "in this bot's data folder on the server it runs on", "- You chose not to keep a journal, so I save no reflections.", "(now on)")]
    [InlineData("File", null, false, "in this bot's data folder on the server it runs on", "- I haven't saved any reflection", "(now on)")]
    public void PrivacySaysWhereItKeepsDataWhetherAJournalIsKeptAndWhetherRemindersArePaused(string kind, bool? consent, bool paused, string where, string journal, string reminders)
    {
        var text = PrivacyReplies.Overview(Strings, kind, consent, paused);

        Assert.StartsWith($"Here's what I keep, {where}:\n{journal}", text, StringComparison.Ordinal);
        Assert.Contains($"\"pause reminders\" / \"resume reminders\" {reminders}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeletionQuestionSaysWhatStaysBeforeAsking()
    {
        var storage = new StorageOptions();
        var text = PrivacyReplies.ConfirmDeletion(Strings, storage);

        Assert.StartsWith("This will permanently delete everything I keep about you", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n" + PrivacyReplies.WhatStays(Strings, storage) + "\n\nDelete everything?", text, StringComparison.Ordinal);
    }
}
