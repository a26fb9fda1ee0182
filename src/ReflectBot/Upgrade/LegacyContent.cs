using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Kernel;

namespace ReflectBot.Upgrade;

/// <summary>
/// User keys inside what records and states hold, rewritten from the earlier form (<c>{channel}/{id}</c>) to
/// today's. Where a record's place names its user too, what it holds must name the same user (as found, or as
/// keyed today), or the record is refused: a record filed under one user that names another is not moved on a
/// guess. A value that is already a key of today is left as it is.
/// </summary>
public static class LegacyContent
{
    // The properties, by kind, that must name the user at a position of the record's key.
    private static readonly Dictionary<string, (string Property, int Position)[]> Placed = new(StringComparer.Ordinal)
    {
        [LegacyLayout.Entry] = [("userId", 0)],
        [LegacyLayout.Plan] = [("userId", 0)],
        [LegacyLayout.Client] = [("clientId", 0)],
        [LegacyLayout.Link] = [("clientId", 0), ("clinicianId", 1)],
        [LegacyLayout.Roster] = [("entryId", 1)], // the roster pointer holds its client's key
        [LegacyLayout.Assignment] = [("clientId", 0)],
    };

    // The properties, by kind, that name some user, wherever the record is filed.
    private static readonly Dictionary<string, string[]> Free = new(StringComparer.Ordinal)
    {
        [LegacyLayout.Assignment] = ["clinicianId"],
        [LegacyLayout.JoinCode] = ["clinicianId", "usedBy"],
    };

    // What dialog state holds of other users: the clinician's pick of a client (AssignDialog), the clinician
    // a consent is for (ConsentDialog's options).
    private static readonly string[] InState = ["clientId", "clinicianId"];

    /// <summary>A stored record's JSON, dates kept as the strings they were; null when it is not a JSON object.</summary>
    public static JObject? Parse(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(content.Span))) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static byte[] Bytes(JObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Encoding.UTF8.GetBytes(document.ToString(Formatting.None));
    }

    /// <summary>
    /// Rewrites the user keys a record of <paramref name="record"/>'s kind holds; null when done, else why the
    /// record cannot be moved (it then stays as it was).
    /// </summary>
    public static string? Rewrite(JObject document, LegacyRecord record)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == LegacyLayout.Reference)
        {
            return ReferenceProblem(document, record.Users[0].Found);
        }

        foreach (var (property, position) in Placed.GetValueOrDefault(record.Kind, []))
        {
            var user = record.Users[position];
            if (document[property] is not JValue { Type: JTokenType.String } value)
            {
                continue;
            }

            var named = (string)value!;
            if (named != user.Found && named != user.Now)
            {
                return $"It holds a different user ({property}) from the one its place names.";
            }

            document[property] = user.Now;
        }

        return RewriteFree(document, Free.GetValueOrDefault(record.Kind, []));
    }

    /// <summary>
    /// Rewrites the user keys a record filed by something else than a user holds (a join code); true when it
    /// changed anything. <paramref name="problem"/> says why it could not be rewritten (then nothing changed).
    /// </summary>
    public static bool RewriteInPlace(JObject document, string kind, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        var before = document.DeepClone();
        problem = RewriteFree(document, Free.GetValueOrDefault(kind, []));
        return problem is null && !JToken.DeepEquals(before, document);
    }

    /// <summary>
    /// Rewrites the user keys a conversation's or user's state holds anywhere in its dialog stack; true when it
    /// changed anything. When any of them cannot be a key of today, nothing is changed and <paramref name="problem"/> says why.
    /// </summary>
    public static bool RewriteState(JObject document, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        problem = null;
        var found = new List<JValue>();
        foreach (var token in document.DescendantsAndSelf())
        {
            if (token is JProperty { Value: JValue { Type: JTokenType.String } value } property && InState.Contains(property.Name, StringComparer.Ordinal))
            {
                found.Add(value);
            }
            else if (token is JProperty { Name: "clients", Value: JArray clients })
            {
                found.AddRange(clients.OfType<JObject>().Select(c => c["id"]).OfType<JValue>().Where(v => v.Type == JTokenType.String));
            }
        }

        var rewrites = new List<(JValue Value, string Now)>();
        foreach (var value in found)
        {
            var text = (string)value!;
            if (!IsLegacy(text))
            {
                continue;
            }

            if (!UserKeys.TryFromLegacy(text, out var now, out problem))
            {
                return false;
            }

            rewrites.Add((value, now));
        }

        foreach (var (value, now) in rewrites)
        {
            value.Value = now;
        }

        return rewrites.Count > 0;
    }

    // A value in the earlier form: it has the '/' today's keys never have.
    private static bool IsLegacy(string value) => value.Contains('/', StringComparison.Ordinal) && !UserKeys.IsKey(value);

    private static string? RewriteFree(JObject document, string[] properties)
    {
        var rewrites = new List<(string Property, string Now)>();
        foreach (var property in properties)
        {
            if (document[property] is JValue { Type: JTokenType.String } value && IsLegacy((string)value!))
            {
                if (!UserKeys.TryFromLegacy((string)value!, out var now, out var problem))
                {
                    return $"It names a user ({property}) whose id cannot be a key: {problem}";
                }

                rewrites.Add((property, now));
            }
        }

        foreach (var (property, now) in rewrites)
        {
            document[property] = now;
        }

        return null;
    }

    // A conversation reference holds the channel's own ids, which do not change: they must be the user's of its place.
    private static string? ReferenceProblem(JObject document, string found)
    {
        var slash = found.IndexOf('/', StringComparison.Ordinal);
        var channel = document.Value<string>("channelId");
        var user = (document["user"] as JObject)?.Value<string>("id");
        return (channel is null || channel == found[..slash]) && (user is null || user == found[(slash + 1)..])
            ? null
            : "It holds a different user from the one its place names.";
    }
}
