namespace CoffeeShop.Domain.Menu;

/// <summary>Told after every change to the menu, so copies of it (caches, snapshots) are dropped at once.</summary>
public interface IMenuChangeNotifier
{
    Task MenuChangedAsync(CancellationToken cancellationToken);
}
