using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage;

/// <summary>
/// One state as a scan found it: its key when the stored name gives it back (null when the name had to be
/// shortened with a hash), its stored document and the ETag to write it back against.
/// </summary>
public sealed record ScannedState(string? Key, JObject Document, string ETag);
