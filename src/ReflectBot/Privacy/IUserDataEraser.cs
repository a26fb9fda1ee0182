namespace ReflectBot.Privacy;

/// <summary>A feature's part of "delete my data": removes everything it keeps about one user.</summary>
public interface IUserDataEraser
{
    /// <summary>What it erased, in a few words for the user ("3 journal entries"), or null for nothing worth saying.</summary>
    Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default);
}
