namespace ReflectBot.Storage.Blobs;

/// <summary>Requests sent to blob storage so far, by kind.</summary>
public sealed record StorageCallSnapshot(long Reads, long Writes, long Deletes, long Lists)
{
    public long Total => Reads + Writes + Deletes + Lists;

    public static StorageCallSnapshot operator -(StorageCallSnapshot after, StorageCallSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new(after.Reads - before.Reads, after.Writes - before.Writes, after.Deletes - before.Deletes, after.Lists - before.Lists);
    }

    public StorageCallSnapshot Subtract(StorageCallSnapshot before) => this - before;

    public override string ToString() => $"{Total} ({Reads} reads, {Writes} writes, {Deletes} deletes, {Lists} lists)";
}
