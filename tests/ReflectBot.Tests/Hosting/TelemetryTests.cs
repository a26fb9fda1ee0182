using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReflectBot.Hosting;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Security;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// What the bot exports as telemetry, captured from a whole session on blob storage (check-in, journal, safety plan,
/// a crisis message, clinic sharing) by in-memory exporters on the app's own pipeline: the turn, storage, safety and
/// crisis figures are there, and no span, attribute, metric or tag holds an answer, a name or the user's id.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AWholeSessionIsMeasuredAndNothingExportedNamesTheUserOrWhatTheyWrote()
    {
        var exportedSpans = new List<Activity>();
        var exportedMetrics = new List<Metric>();
        var prefix = AzuriteFixture.UniquePrefix();
        using var host = new ClinicHost(
            ClinicHost.Clock(),
            settings: BlobBotHost.Settings(azurite.ConnectionString, prefix),
            services: s => s.AddTelemetryPipeline()
                .WithTracing(t => t.AddInMemoryExporter(exportedSpans))
                .WithMetrics(m => m.AddInMemoryExporter(exportedMetrics)));
        var session = new FullSession(host);
        await session.RunAsync();
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush());

        // The exporters keep adding what the host's background work (the scheduler, storage probes) ends
        // meanwhile: read a copy (List's CopyTo has no version check; a slot being filled reads as null).
        var spans = exportedSpans.ToArray().Where(s => s is not null).ToList();
        var metrics = exportedMetrics.ToArray().Where(m => m is not null).ToList();

        var points = metrics.SelectMany(Points).ToList();
        Assert.True(points.Count > 0, $"{metrics.Count} metrics ({string.Join(", ", metrics.Select(m => m.Name))}), {spans.Count} spans");
        Assert.Contains(points, p => p.Metric == "reflectbot.turn.duration" && p.Tags.Contains("turn.kind=message"));
        Assert.Contains(points, p => p.Metric == "reflectbot.storage.duration" && p.Tags.Contains("store=" + prefix + "state") && p.Tags.Contains("operation=read"));
        var seen = string.Join("; ", points.Select(p => p.Metric + " " + string.Join(",", p.Tags)).Distinct());
        Assert.True(points.Any(p => p.Metric == "reflectbot.storage.duration" && p.Tags.Contains("operation=create")), seen);
        Assert.Contains(points, p => p.Metric == "reflectbot.safety.screen.duration" && p.Tags.Contains("layer=lexicon"));
        Assert.Contains(points, p => p.Metric == "reflectbot.safety.crisis_replies" && p.Tags.Any(t => t.StartsWith("risk.class=", StringComparison.Ordinal)));
        Assert.Contains(spans, s => s.DisplayName == "turn" && s.GetTagItem("turn.kind") is "message");

        var exported = points.SelectMany(p => p.Tags.Prepend(p.Metric))
            .Concat(spans.SelectMany(s => s.TagObjects.Select(t => t.Key + "=" + t.Value)
                .Concat(s.Events.Select(e => e.Name))
                .Concat(s.Baggage.Select(b => b.Key + "=" + b.Value))
                .Append(s.DisplayName)
                .Append(s.OperationName)))
            .ToList();
        Assert.NotEmpty(exported);
        var forbidden = FullSession.Answers
            .Concat([FullSession.Crisis, session.ClientName, session.ClinicianName, "Marigold", "Fenwick", session.Client.UserId, session.Client.Key, session.Client.ConversationId, session.Clinician.UserId]);
        foreach (var text in exported)
        {
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"exported telemetry '{text}' holds '{secret}'");
            }
        }
    }

    private static List<(string Metric, List<string> Tags)> Points(Metric metric)
    {
        var points = new List<(string, List<string>)>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new List<string>();
            foreach (var tag in point.Tags)
            {
                tags.Add(tag.Key + "=" + tag.Value);
            }

            points.Add((metric.Name, tags));
        }

        return points;
    }
}
