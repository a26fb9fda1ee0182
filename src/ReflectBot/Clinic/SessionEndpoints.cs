using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;

namespace ReflectBot.Clinic;

public static class SessionEndpoints
{
    /// <summary>
    /// GET /clinic/notes/{token}: the notes behind an "export summary" link. The link names the clinician and the
    /// client; the reads are authorized again now, so a link outlives neither the link between them nor consent.
    /// 404 for a bad, expired or no-longer-authorized token.
    /// </summary>
    public static IEndpointRouteBuilder MapClinicNotes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/clinic/notes/{token}", async (string token, ExportLinks links, SummaryNotes notes, HttpContext http) =>
        {
            if (links.Validate(token) is not { Subject: { } clientId } grant
                || grant.Format is not (SummaryNotes.Pdf or SummaryNotes.Markdown)
                || !ReflectBot.Kernel.UserKeys.IsKey(grant.UserId)
                || await notes.FileAsync(grant.UserId, clientId, grant.Format, TimeZones.Find(grant.TimeZone), http.RequestAborted).ConfigureAwait(false) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
        return app;
    }
}
