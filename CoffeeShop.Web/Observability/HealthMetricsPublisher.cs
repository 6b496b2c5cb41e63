using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>
/// Publishes the health checks' results as gauges, on the framework's own publishing schedule, so that an alert can
/// see readiness fail even when no probe is asking: 1 healthy, 0.5 degraded, 0 unhealthy, per check, and
/// <c>coffeeshop_ready</c> (1 unless a readiness check is unhealthy, as <c>/health/ready</c> answers).
/// </summary>
internal sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    private static readonly Gauge CheckStatus = Metrics.CreateGauge(
        "coffeeshop_health_check_status", "Each health check's last result: 1 healthy, 0.5 degraded, 0 unhealthy.", new GaugeConfiguration { LabelNames = ["check"] });

    private static readonly Gauge Ready = Metrics.CreateGauge(
        "coffeeshop_ready", "1 when every readiness check passes (as /health/ready answers), else 0.");

    private readonly string _readyTag;

    public HealthMetricsPublisher(string readyTag) => _readyTag = readyTag;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ready = true;
        foreach (var (name, entry) in report.Entries)
        {
            CheckStatus.WithLabels(name).Set(entry.Status switch
            {
                HealthStatus.Healthy => 1,
                HealthStatus.Degraded => 0.5,
                _ => 0,
            });
            if (entry.Tags.Contains(_readyTag) && entry.Status == HealthStatus.Unhealthy)
            {
                ready = false;
            }
        }

        Ready.Set(ready ? 1 : 0);
        return Task.CompletedTask;
    }
}
