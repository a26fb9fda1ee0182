using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Hosting;

/// <summary>Section "Health": the readiness probe (<c>/health/ready</c>) that App Service's health check calls.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long readiness waits for storage and the key ring before answering 503. Well inside App Service's
    /// one-minute probe, so a hung storage call marks the instance unhealthy instead of hanging the probe.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
