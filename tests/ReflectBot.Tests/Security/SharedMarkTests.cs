using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Clinic;
using ReflectBot.Storage;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>A shared-entry mark belongs to one clinician link: never visible to another clinician, cleared when that link ends.</summary>
public sealed class SharedMarkTests : IDisposable
{
    private const string Words = "what I chose to share";
    private readonly ClinicHost _host = new(ClinicHost.Clock());
    private readonly BotClient _a;
    private readonly BotClient _b;
    private readonly BotClient _sam;

    public SharedMarkTests()
    {
        _a = _host.User(ClinicHost.ClinicianA, "Dr A");
        _b = _host.User(ClinicHost.ClinicianB, "Dr B");
        _sam = _host.User("sam", "Sam");
    }

    public void Dispose() => _host.Dispose();

    private ClinicianReads Reads => _host.Get<ClinicianReads>();

    [Fact]
    public async Task AnEntrySharedWithOneClinicianIsNeverVisibleToAClinicianLinkedLater()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());
        await _sam.CheckInAsync(6, Words);
        Assert.Contains("with Dr A", await _sam.ReadAsync("share entry 1"), StringComparison.Ordinal);

        await _sam.ConnectAsync(await _b.NewCodeAsync());

        Assert.Equal(Words, Assert.Single((await Reads.SharedEntriesAsync(_a.Key, _sam.Key))!).Answers["on-mind"]);
        Assert.Empty((await Reads.SharedEntriesAsync(_b.Key, _sam.Key))!);
        Assert.DoesNotContain(Words, await _b.ReadAsync("clients") + await _b.ReadAsync("open entry 1.1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectingClearsThatLinksMarksAndAReconnectedClinicianStartsWithNothingShared()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());
        await _sam.ConnectAsync(await _b.NewCodeAsync());
        await _sam.CheckInAsync(6, Words);
        Assert.Contains("with Dr A and Dr B", await _sam.ReadAsync("share entry 1"), StringComparison.Ordinal);

        await _sam.SayAsync("disconnect 1");

        // Dr A's marks are gone from the store itself; Dr B's stay and still read.
        var clinic = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Clinic);
        var marks = new List<string>();
        await foreach (var key in clinic.ListAsync(ClinicKeys.SharedOf(_sam.Key)))
        {
            marks.Add(key);
        }

        Assert.Equal([ClinicKeys.SharedOver(_sam.Key, _b.Key)], marks.Select(k => k[..k.LastIndexOf('/')]).Distinct());
        Assert.Single((await Reads.SharedEntriesAsync(_b.Key, _sam.Key))!);

        await _sam.ConnectAsync(await _a.NewCodeAsync());
        Assert.Empty((await Reads.SharedEntriesAsync(_a.Key, _sam.Key))!);
        Assert.DoesNotContain(Words, await _a.ReadAsync("open entry 1.1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharingWithNoClinicianConnectedSaysSoAndMarksNothing()
    {
        await _sam.CheckInAsync(6, Words);
        Assert.Contains("nobody to share it with", await _sam.ReadAsync("share entry 1"), StringComparison.Ordinal);
        var clinic = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Clinic);
        await foreach (var key in clinic.ListAsync(ClinicKeys.SharedOf(_sam.Key)))
        {
            Assert.Fail($"a mark was written: {key}");
        }
    }
}
