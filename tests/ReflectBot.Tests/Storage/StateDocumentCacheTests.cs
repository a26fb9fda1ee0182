using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Storage;

/// <summary>The process's copy of users' state documents: bounded, short-lived, and never shared with a turn.</summary>
public sealed class StateDocumentCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhatATurnChangesInItsCopyIsNotSeenByTheNextTurn()
    {
        var cache = new StateDocumentCache(new StateCacheOptions());
        var user = new JObject { ["mood"] = 3 };
        cache.Set("u", "e1", user, new JObject { ["c"] = new JObject { ["step"] = 1 } });
        user["mood"] = 9;

        var first = cache.TryGet("u")!;
        first.User["mood"] = 7;
        ((JObject)first.Conversations["c"]!)["step"] = 5;
        var second = cache.TryGet("u")!;

        Assert.Equal("e1", second.ETag);
        Assert.Equal(3, second.User.Value<int>("mood"));
        Assert.Equal(1, second.Conversations["c"]!.Value<int>("step"));
    }

    [Fact]
    public void TheLeastRecentlyUsedGoesFirstWhenFull()
    {
        var cache = new StateDocumentCache(new StateCacheOptions { Entries = 2 });
        cache.Set("a", "1", [], []);
        cache.Set("b", "1", [], []);
        Assert.NotNull(cache.TryGet("a"));
        cache.Set("c", "1", [], []);

        Assert.NotNull(cache.TryGet("a"));
        Assert.Null(cache.TryGet("b"));
        Assert.NotNull(cache.TryGet("c"));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void ADocumentIdleLongerThanTheLimitIsDropped()
    {
        var time = new FakeTimeProvider(Start);
        var cache = new StateDocumentCache(new StateCacheOptions { Idle = TimeSpan.FromMinutes(10) }, time);
        cache.Set("a", "1", [], []);
        cache.Set("b", "1", [], []);

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.NotNull(cache.TryGet("a"));
        time.Advance(TimeSpan.FromMinutes(6));

        Assert.NotNull(cache.TryGet("a"));
        Assert.Null(cache.TryGet("b"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void OffKeepsNothingAndRemoveForgets()
    {
        var off = new StateDocumentCache(new StateCacheOptions { Entries = 0 });
        off.Set("a", "1", [], []);
        Assert.False(off.Enabled);
        Assert.Null(off.TryGet("a"));

        var on = new StateDocumentCache(new StateCacheOptions());
        on.Set("a", "1", [], []);
        on.Set("b", string.Empty, [], []);
        on.Remove("a");
        Assert.Null(on.TryGet("a"));
        Assert.Null(on.TryGet("b"));
    }
}
