namespace ReflectBot.Safety;

/// <summary>Section "Safety".</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>
    /// The key an operator sends (header X-Operator-Key) to GET /admin/safety-events. While it is empty the
    /// endpoint answers 404: there is no operator access without a configured key.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>How long the crisis reply waits for the user's safety plan and region before going out without them.</summary>
    public TimeSpan StorageWait { get; set; } = TimeSpan.FromSeconds(2);
}
