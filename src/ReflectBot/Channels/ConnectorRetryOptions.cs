using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Channels;

/// <summary>
/// How calls to the channel's connector (replies, proactive messages) are retried when Teams answers
/// 429, 412, 502 or 504. Section "ConnectorRetry". The defaults suit Teams' published guidance: a few
/// tries with exponential back-off, honoring Retry-After, never waiting long enough to hold a turn hostage.
/// </summary>
public sealed class ConnectorRetryOptions
{
    public const string Section = "ConnectorRetry";

    /// <summary>Retries after the first attempt.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; each retry doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, whatever Retry-After asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);
}
