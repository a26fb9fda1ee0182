namespace ReflectBot.Storage;

/// <summary>An item as read from an <see cref="IItemStore"/>: its bytes and the ETag to write it back against.</summary>
public sealed record StoredItem(string Key, ReadOnlyMemory<byte> Content, string ETag);
