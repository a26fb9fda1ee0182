using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Journal;

public static class JournalEndpoints
{
    /// <summary>GET /journal/export/{token}: the download behind an "export" link; 404 for a bad or expired token.</summary>
    public static IEndpointRouteBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        app.MapGet("/journal/export/{token}", async (string token, ExportLinks links, IJournalStore journal, JourneyCatalog catalog, StringCatalog strings, TimeProvider time, ILogger<JournalKeyRing> logger, HttpContext http) =>
        {
            // A link from before user keys were one segment names nobody now; a clinician's notes link is not a journal's.
            if (links.Validate(token) is not { } grant || !ReflectBot.Kernel.UserKeys.IsKey(grant.UserId) || grant.Subject is not null)
            {
                return Results.NotFound();
            }

            var entries = await journal.ListAsync(grant.UserId, http.RequestAborted).ConfigureAwait(false);
            var (contentType, fileName, content) = JournalExport.Render(grant.Format, entries, TimeZones.Find(grant.TimeZone), time.GetUtcNow(), catalog, strings);
            JournalLog.ExportDownloaded(logger);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(content), contentType, fileName);
        });
        return app;
    }
}
