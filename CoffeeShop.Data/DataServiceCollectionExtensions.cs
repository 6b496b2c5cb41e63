using CoffeeShop.Data.Providers;
using CoffeeShop.Data.Repositories;
using CoffeeShop.Data.Writes;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoffeeShop.Data;

/// <summary>Registers the database and the repositories; the only way the web app reaches this layer.</summary>
public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "CoffeeShop";
    private const string DefaultSqliteConnectionString = "Data Source=App_Data/coffeeshop.db";

    public static IServiceCollection AddCoffeeShopData(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(section);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString ?? DefaultSqliteConnectionString, contentRootPath);
                services.AddDbContextPool<CoffeeShopDbContext, SqliteCoffeeShopDbContext>(o => o.UseSqlite(sqlite));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set. " +
                        "Set it in configuration (for example the environment variable ConnectionStrings__CoffeeShop).");
                }

                services.AddDbContextPool<CoffeeShopDbContext, SqlServerCoffeeShopDbContext>(
                    o => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or SqlServer.");
        }

        services.AddScoped<IMenuItemRepository, MenuItemRepository>();
        services.AddScoped<IOptionGroupRepository, OptionGroupRepository>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IOrderRepository, OrderRepository>();
        AddOrderWriter(services, options);
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>
    /// The order-writing seam, decided here and nowhere else: on SQLite the prepared-statement writer (unless
    /// <see cref="DatabaseOptions.BatchOrderWriter"/> is off), else EF Core; behind the group commit when it is on.
    /// </summary>
    private static void AddOrderWriter(IServiceCollection services, DatabaseOptions options)
    {
        Func<IServiceProvider, IOrderWriter> writer = options.Provider == DatabaseProvider.Sqlite && options.BatchOrderWriter
            ? sp => new SqliteOrderWriter(sp.GetRequiredService<IServiceScopeFactory>())
            : sp => new EfCoreOrderWriter(sp.GetRequiredService<IServiceScopeFactory>());
        if (!options.GroupCommit)
        {
            services.AddSingleton(writer);
            return;
        }

        services.AddSingleton(sp => new OrderCommitQueue(writer(sp), sp.GetRequiredService<ILogger<OrderCommitQueue>>()));
        services.AddHostedService(sp => sp.GetRequiredService<OrderCommitQueue>());
        services.AddSingleton<IOrderWriter>(sp => sp.GetRequiredService<OrderCommitQueue>());
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Writers wait for the lock (up to the command timeout) rather than fail at once.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
