namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// What a valid token grants: one conversation, as one user, until it expires. <paramref name="SessionStart"/>
/// is when the conversation's first token was issued (refreshing keeps it); <paramref name="IssuedAt"/> is this
/// token's own issue time, to the millisecond, so a revocation can tell older tokens from newer ones.
/// </summary>
public sealed record DirectLineToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt, DateTimeOffset SessionStart, DateTimeOffset IssuedAt);
