using System.Diagnostics;
using OpenTelemetry;

namespace ReflectBot.Hosting;

/// <summary>
/// Takes out of every span what could name a person: the library instrumentations Azure Monitor turns on record
/// request and dependency URLs, and those hold conversation ids (the Bot Connector's /v3/conversations/{id}) and blob
/// names (a user's or conversation's key). What is left of a URL is its scheme and host; a span named after a path
/// is named after its method.
/// </summary>
public sealed class TelemetryScrubber : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url", "url.query", "http.target", "url.path", "az.resource", "db.statement", "messaging.destination.name", "enduser.id"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Source.Name == Kernel.ReflectBotTelemetry.Name)
        {
            return;
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                data.SetTag(tag, tag is "url.full" or "http.url" && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null);
            }
        }

        if (data.DisplayName.Contains('/', StringComparison.Ordinal) && data.GetTagItem("http.route") is null)
        {
            data.DisplayName = data.GetTagItem("http.request.method") as string ?? data.OperationName;
        }
    }
}
