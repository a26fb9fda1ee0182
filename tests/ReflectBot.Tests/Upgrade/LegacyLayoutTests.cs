using ReflectBot.Storage;
using ReflectBot.Upgrade;

namespace ReflectBot.Tests.Upgrade;

/// <summary>Where a record of an earlier build belongs now, from its place alone: a table of (store, key then, key now or the reason it has none).</summary>
public sealed class LegacyLayoutTests
{
    [Theory]
    [InlineData(ItemStoreNames.Journal, "webchat/fixture-client/559b", "webchat:fixture-client/559b")]
    [InlineData(ItemStoreNames.Journal, "msteams/29:1abc/e1", "msteams:29%3A1abc/e1")] // a Teams id: its ':' escaped
    [InlineData(ItemStoreNames.Journal, "webchat/a/b/e1", "webchat:a%2Fb/e1")] // an id holding '/' spread over more segments then
    [InlineData(ItemStoreNames.References, "webchat/fixture-client", "webchat:fixture-client")]
    [InlineData(ItemStoreNames.References, "directline/dl_3f0c/x", "directline:dl_3f0c%2Fx")]
    [InlineData(ItemStoreNames.Safety, "plans/webchat/fixture-client", "plans/webchat:fixture-client")]
    [InlineData(ItemStoreNames.Clinic, "clients/webchat%2Ffixture-client", "clients/webchat%3Afixture-client")]
    [InlineData(ItemStoreNames.Clinic, "links/webchat%2Fc/webchat%2Fd", "links/webchat%3Ac/webchat%3Ad")]
    [InlineData(ItemStoreNames.Clinic, "links/webchat%3Ac/webchat%2Fd", "links/webchat%3Ac/webchat%3Ad")] // a client of today linked by a code of then
    [InlineData(ItemStoreNames.Clinic, "rosters/webchat%2Fd/webchat%2Fc", "rosters/webchat%3Ad/webchat%3Ac")]
    [InlineData(ItemStoreNames.Clinic, "shared/webchat%2Fc/e1", "shared/webchat%3Ac/e1")]
    [InlineData(ItemStoreNames.Clinic, "shared/webchat%2Fc/webchat%2Fd/e1", "shared/webchat%3Ac/webchat%3Ad/e1")]
    [InlineData(ItemStoreNames.Clinic, "scores/webchat%2Fc/e1", "scores/webchat%3Ac/e1")]
    [InlineData(ItemStoreNames.Clinic, "assignments/webchat%2Fc/k3m9", "assignments/webchat%3Ac/k3m9")]
    [InlineData(ItemStoreNames.Clinic, "wrongcodes/webchat%2Fc", "wrongcodes/webchat%3Ac")]
    public void ARecordOfAnEarlierBuildMovesToItsUsersKeyOfToday(string store, string then, string now)
    {
        var record = LegacyLayout.Find(store, then);
        Assert.NotNull(record);
        Assert.True(record.CanMove, record.Problem);
        Assert.Equal(now, record.NewKey);
        Assert.Null(LegacyLayout.Find(store, now));
    }

    [Theory]
    [InlineData(ItemStoreNames.Journal, "webchat/ padded/e1", "starts or ends with whitespace")]
    [InlineData(ItemStoreNames.Journal, "webchat/e1", "names no user id")] // the empty id's entries, whose folder the file store collapsed
    [InlineData(ItemStoreNames.References, "/someone", "channel id is empty")]
    [InlineData(ItemStoreNames.References, "Web Chat/someone", "characters a channel id never has")]
    [InlineData(ItemStoreNames.Clinic, "links/webchat%2F%01x/webchat%2Fd", "control or format character")] // clinic keys hold each user key escaped whole
    public void ARecordWhoseIdBreaksTodaysRulesHasNoPlaceAndSaysWhy(string store, string then, string why)
    {
        var record = LegacyLayout.Find(store, then);
        Assert.NotNull(record);
        Assert.False(record.CanMove);
        Assert.Null(record.NewKey);
        Assert.Contains(why, record.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ItemStoreNames.Safety, "keys/user-pseudonyms")]
    [InlineData(ItemStoreNames.Safety, "events/2658de3e675d38e4305e260a4c7f58a9/20251020T090000000-2d15")]
    [InlineData(ItemStoreNames.Safety, "events/anonymous/20251020T090000000-2d15")]
    [InlineData(ItemStoreNames.Clinic, "codes/VUEQWN")]
    [InlineData(ItemStoreNames.Clinic, "occurrences/k3m9/20251020T0900Z")]
    [InlineData(ItemStoreNames.Clinic, "wrongcodes-everyone/recent")]
    public void RecordsFiledByNoUserKeyAreNotInTheOldLayout(string store, string key)
        => Assert.Null(LegacyLayout.Find(store, key));

    [Fact]
    public void ASafetyEventFiledUnderItsUserIsInTheOldLayoutAndNamesThatUser()
    {
        var record = LegacyLayout.Find(ItemStoreNames.Safety, "events/webchat/fixture-client/20261129T140923346-bbb9");
        Assert.NotNull(record);
        Assert.Equal(LegacyLayout.Event, record.Kind);
        Assert.Equal(new LegacyUser("webchat/fixture-client", "webchat:fixture-client"), Assert.Single(record.Users));
    }
}
