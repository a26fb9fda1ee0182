using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReflectBot.Kernel;

namespace ReflectBot.Hosting;

/// <summary>
/// OpenTelemetry for the bot's own source and meter (<see cref="ReflectBotTelemetry"/>): exported by OTLP when an
/// endpoint is configured and to Azure Monitor when its connection string is; not started at all otherwise, so a
/// turn pays nothing for it.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? (Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        var azureMonitor = string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString) ? configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] : options.AzureMonitorConnectionString;
        if (otlp is null && string.IsNullOrWhiteSpace(azureMonitor) && !options.Enabled)
        {
            return services;
        }

        var builder = services.AddTelemetryPipeline();
        if (otlp is not null)
        {
            builder.WithTracing(tracing => tracing.AddOtlpExporter(o => Otlp(o, otlp, "v1/traces")))
                .WithMetrics(metrics => metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics")));
        }

        if (!string.IsNullOrWhiteSpace(azureMonitor))
        {
            var identity = options.AzureMonitorManagedIdentityClientId;
            builder.UseAzureMonitor(o =>
            {
                o.ConnectionString = azureMonitor;
                if (!string.IsNullOrWhiteSpace(identity))
                {
                    o.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(identity));
                }
            });
        }

        return services;
    }

    /// <summary>
    /// The bot's source and meter, the request spans (a turn's span is their child: without them ASP.NET Core's own
    /// unrecorded activity is the parent, and the parent-based sampler drops every turn) and the scrubber, without
    /// an exporter (the tests add an in-memory one).
    /// </summary>
    public static OpenTelemetryBuilder AddTelemetryPipeline(this IServiceCollection services)
        => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(ReflectBotTelemetry.Name).AddAspNetCoreInstrumentation(o => o.RecordException = false).AddProcessor(new TelemetryScrubber()))
            .WithMetrics(metrics => metrics.AddMeter(ReflectBotTelemetry.Name));

    private static void Otlp(OtlpExporterOptions options, Uri endpoint, string signal)
    {
        // Over HTTP the SDK wants each signal's full path; over gRPC (port 4317) the bare endpoint.
        if (endpoint.Port == 4317)
        {
            options.Protocol = OtlpExportProtocol.Grpc;
            options.Endpoint = endpoint;
            return;
        }

        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signal);
    }
}
