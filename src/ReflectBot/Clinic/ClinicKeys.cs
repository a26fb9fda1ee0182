namespace ReflectBot.Clinic;

/// <summary>
/// Keys of the clinic store. Every part that came from a user (user keys, and ids typed in a command) is
/// escaped into one segment, so no part can reach into another folder.
/// </summary>
public static class ClinicKeys
{
    /// <summary>One key segment for an id; an empty id has none (it would make "links/{id}" the folder of everyone's links).</summary>
    public static string Segment(string id)
        => string.IsNullOrEmpty(id) ? throw new ArgumentException("An id in a clinic key cannot be empty.", nameof(id)) : Uri.EscapeDataString(id);

    public static string Unsegment(string segment) => Uri.UnescapeDataString(segment);

    public static string Code(string code) => $"codes/{code}";

    public static string Link(string clientId, string clinicianId) => $"links/{Segment(clientId)}/{Segment(clinicianId)}";

    public static string LinksOfClient(string clientId) => $"links/{Segment(clientId)}";

    /// <summary>The clinician's roster: pointers only; the link record under <see cref="Link"/> is what grants access.</summary>
    public static string Roster(string clinicianId, string clientId) => $"rosters/{Segment(clinicianId)}/{Segment(clientId)}";

    public static string RosterOf(string clinicianId) => $"rosters/{Segment(clinicianId)}";

    public static string Client(string clientId) => $"clients/{Segment(clientId)}";

    public static string Assignment(string clientId, string assignmentId) => $"assignments/{Segment(clientId)}/{Segment(assignmentId)}";

    public static string AssignmentsOf(string clientId) => $"assignments/{Segment(clientId)}";

    public const string AllAssignments = "assignments";

    public static string Occurrence(string assignmentId, DateTimeOffset dueUtc) => $"occurrences/{assignmentId}/{dueUtc.UtcDateTime:yyyyMMdd'T'HHmm'Z'}";

    /// <summary>A shared-entry mark belongs to one link: shared/{client}/{clinician}/{entry}.</summary>
    public static string Shared(string clientId, string clinicianId, string entryId) => $"{SharedOver(clientId, clinicianId)}/{entryId}";

    /// <summary>The marks of one link, cleared when it ends.</summary>
    public static string SharedOver(string clientId, string clinicianId) => $"shared/{Segment(clientId)}/{Segment(clinicianId)}";

    /// <summary>All of a client's marks, over every link (and those written before marks had a link: shared/{client}/{entry}).</summary>
    public static string SharedOf(string clientId) => $"shared/{Segment(clientId)}";

    public static string Score(string clientId, string entryId) => $"scores/{Segment(clientId)}/{entryId}";

    public static string ScoresOf(string clientId) => $"scores/{Segment(clientId)}";

    /// <summary>Something a client asked to bring to their session: flags/{client}/{id}.</summary>
    public static string Flag(string clientId, string flagId) => $"{FlagsOf(clientId)}/{Segment(flagId)}";

    public static string FlagsOf(string clientId) => $"flags/{Segment(clientId)}";

    /// <summary>The next and last session of one link: sessions/{client}/{clinician}.</summary>
    public static string Session(string clientId, string clinicianId) => $"{SessionsOf(clientId)}/{Segment(clinicianId)}";

    public static string SessionsOf(string clientId) => $"sessions/{Segment(clientId)}";

    /// <summary>A clinician's short reply to a shared entry, waiting for the client: replies/{client}/{id}.</summary>
    public static string Reply(string clientId, string replyId) => $"{RepliesOf(clientId)}/{Segment(replyId)}";

    public static string RepliesOf(string clientId) => $"replies/{Segment(clientId)}";

    /// <summary>A clinician's own reflection: templates/{clinician}/{id}.</summary>
    public static string Template(string clinicianId, string templateId) => $"{TemplatesOf(clinicianId)}/{Segment(templateId)}";

    public static string TemplatesOf(string clinicianId) => $"templates/{Segment(clinicianId)}";

    /// <summary>What one clinician set for one client: settings/{client}/{clinician}.</summary>
    public static string Settings(string clientId, string clinicianId) => $"{SettingsOf(clientId)}/{Segment(clinicianId)}";

    public static string SettingsOf(string clientId) => $"settings/{Segment(clientId)}";

    public static string WrongCodes(string userId) => $"wrongcodes/{Segment(userId)}";

    /// <summary>Wrong codes of all clients together (times only, nobody's id).</summary>
    public const string WrongCodesOfEveryone = "wrongcodes-everyone/recent";

    /// <summary>The last segment of a key.</summary>
    public static string Last(string key) => key[(key.LastIndexOf('/') + 1)..];
}
