using Microsoft.Extensions.Options;
using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>Keeps <c>coffeeshop_shop_open</c> (1 while the shop is open, else 0) current, once a minute.</summary>
internal sealed class OpeningHoursGauge(IOptions<OpeningHoursOptions> options, TimeProvider clock) : BackgroundService
{
    private static readonly Gauge Open = Metrics.CreateGauge(
        "coffeeshop_shop_open", "1 while the shop is open (Monitoring:OpeningHours), else 0; the no-orders alert reads it.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            Open.Set(options.Value.IsOpenAt(clock.GetUtcNow()) ? 1 : 0);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
