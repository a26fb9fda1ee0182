using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage;

/// <summary>
/// The one serializer for everything the bot stores. Type names are never written or trusted
/// (TypeNameHandling.None): what is read back is plain JSON, turned into our own types explicitly.
/// </summary>
public static class StoreJson
{
    public const string ETagProperty = "eTag";

    /// <summary>
    /// The ETag a state carries when it was read and not found: write it only if nobody has created it
    /// since (If-None-Match: *). Without it, two instances answering a conversation's first messages
    /// at once could overwrite each other's new state.
    /// </summary>
    public const string CreateOnlyETag = "create-only";

    public static JsonSerializerSettings Settings { get; } = new()
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
        DateParseHandling = DateParseHandling.None,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    /// <summary>The value as a JSON object without any ETag it carries, and the ETag it asks to be written against.</summary>
    public static (JObject Document, string? ExpectedETag) ToDocument(object? value)
    {
        var document = value is null ? [] : JObject.FromObject(value, Serializer);
        document.Remove(ETagProperty);
        document.Remove("ETag");
        return (document, ExpectedETagOf(value));
    }

    /// <summary>The ETag a value asks to be written against (null for none).</summary>
    public static string? ExpectedETagOf(object? value)
    {
        var etag = value switch
        {
            Microsoft.Bot.Builder.IStoreItem item => item.ETag,
            IDictionary<string, object> dictionary when dictionary.TryGetValue(ETagProperty, out var raw) => raw?.ToString(),
            JObject json when json[ETagProperty] is JValue raw => raw.ToString(),
            _ => null,
        };
        return string.IsNullOrEmpty(etag) ? null : etag;
    }

    /// <summary>
    /// What <see cref="ToDocument"/> gives, as compact UTF-8 JSON (the bytes <c>ToDocument(value).Document.ToString(Formatting.None)</c>
    /// encodes): a JSON object is written as it stands, leaving its ETag properties out, instead of being copied
    /// first and then turned into a string.
    /// </summary>
    public static (byte[] Utf8, string? ExpectedETag) ToUtf8Document(object? value)
        => (ToUtf8(value as JObject ?? ToDocument(value).Document), ExpectedETagOf(value));

    /// <summary>
    /// <c>{"k": key, "d": document}</c> as compact UTF-8 JSON, the document without its ETag properties, written
    /// straight from the document (no copy of it, no string).
    /// </summary>
    public static byte[] ToUtf8Keyed(string key, JObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("k");
            writer.WriteValue(key);
            writer.WritePropertyName("d");
            WriteWithoutETag(writer, document);
            writer.WriteEndObject();
        });
    }

    private static byte[] ToUtf8(JObject document) => Write(writer => WriteWithoutETag(writer, document));

    private static byte[] Write(Action<JsonWriter> write)
    {
        // A small writer buffer: a StreamWriter's default (or 4 KB) allocates more than a state document or a turn's replies weigh.
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8NoMark, bufferSize: 256, leaveOpen: true))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    private static void WriteWithoutETag(JsonWriter writer, JObject document)
    {
        writer.WriteStartObject();
        foreach (var property in document.Properties())
        {
            if (property.Name is not (ETagProperty or "ETag"))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static readonly UTF8Encoding Utf8NoMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Hands the new ETag back to the written object, so that a second write of the same object (the next
    /// turn's save of the same state) is checked against what this write stored.
    /// </summary>
    public static void StampETag(object? value, string etag)
    {
        switch (value)
        {
            case Microsoft.Bot.Builder.IStoreItem item:
                item.ETag = etag;
                break;
            case IDictionary<string, object> dictionary:
                dictionary[ETagProperty] = etag;
                break;
            case JObject json:
                json[ETagProperty] = etag;
                break;
        }
    }

    /// <summary>What a read returns: the stored properties, plus the ETag, as a dictionary (the shape Bot Builder's state expects).</summary>
    public static IDictionary<string, object> ToReadResult(JObject document, string etag)
    {
        var result = new Dictionary<string, object>(document.Count + 1, StringComparer.Ordinal);
        foreach (var property in document.Properties())
        {
            result[property.Name] = property.Value;
        }

        result[ETagProperty] = etag;
        return result;
    }

    /// <summary>What IStorage's typed read returns: each item of an untyped read as <typeparamref name="TStoreItem"/>, the same on every backend.</summary>
    public static IDictionary<string, TStoreItem> Typed<TStoreItem>(IDictionary<string, object> raw)
        where TStoreItem : class
    {
        ArgumentNullException.ThrowIfNull(raw);
        var typed = new Dictionary<string, TStoreItem>(raw.Count, StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (JObject.FromObject(value, Serializer).ToObject<TStoreItem>(Serializer) is { } item)
            {
                typed[key] = item;
            }
        }

        return typed;
    }
}
