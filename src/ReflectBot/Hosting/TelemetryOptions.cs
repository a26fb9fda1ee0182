namespace ReflectBot.Hosting;

/// <summary>Where the bot's traces and metrics go (section <c>Telemetry</c>). Nothing is collected when no exporter is configured.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP endpoint (collector, Aspire dashboard, Grafana agent); OTEL_EXPORTER_OTLP_ENDPOINT counts too.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Application Insights' connection string; APPLICATIONINSIGHTS_CONNECTION_STRING counts too.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>
    /// The client id of the user-assigned managed identity Azure Monitor exports as. Application Insights with local
    /// authentication off (the template's choice) accepts only Entra-authenticated senders, so without it nothing
    /// arrives there.
    /// </summary>
    public string? AzureMonitorManagedIdentityClientId { get; set; }

    /// <summary>Collect with no exporter of ours (a test or a host that adds its own exporter).</summary>
    public bool Enabled { get; set; }
}
